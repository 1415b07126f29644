"""What agents open from the review page: a customer's attachment, the mail as it came.

Always downloads (`Content-Disposition: attachment`, octet-stream): a customer's HTML or
SVG must never render inside our origin.
"""

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseGone
from django.shortcuts import get_object_or_404

from tickets.email.models import EmailAttachment, InboundEmail
from tickets.permissions import REVEAL_SECRETS, VIEW_TICKETS, staff_may


def _download(data: bytes, filename: str, content_type: str = "application/octet-stream") -> HttpResponse:
    response = HttpResponse(bytes(data), content_type=content_type)
    safe = "".join(ch for ch in filename if ch.isalnum() or ch in "._- ") or "download"
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    return response


@staff_member_required
def attachment_download(request, pk: int):
    if not staff_may(request.user, VIEW_TICKETS):
        raise PermissionDenied
    attachment = get_object_or_404(EmailAttachment, pk=pk, dropped=False)
    if attachment.purged_at:
        return _gone(attachment.purged_at)
    return _download(attachment.data, attachment.filename)


@staff_member_required
def inbound_email_raw(request, pk: int):
    # The bytes unmasked: for those who may reveal secrets (admin shows everyone the masked text).
    if not staff_may(request.user, REVEAL_SECRETS):
        raise PermissionDenied
    inbound = get_object_or_404(InboundEmail, pk=pk)
    if inbound.raw_purged_at:
        return _gone(inbound.raw_purged_at)
    return _download(inbound.raw, f"message-{inbound.pk}.eml", "message/rfc822")


def _gone(when) -> HttpResponse:
    return HttpResponseGone(
        f"Removed on {when:%Y-%m-%d} by the mail retention (purge_mail).", content_type="text/plain"
    )
