"""`POST /inbound/email/`: one raw RFC 822 mail, piped by an MTA or a mail provider.

Off (404) unless INBOUND_EMAIL_TOKEN is set; the caller proves itself with that token in
`X-Inbound-Token`. Wrong tokens count against TICKETS_TOKEN_RATE per client, like wrong
ticket tokens. A mail that was taken in, stored again, or quarantined gets 200 (the MTA
must not send it again: it is safe with us); only a caller error gets 4xx. The exception:
a mail over INBOUND_EMAIL_MAX_BYTES is not safe with us (its quarantine record keeps only
its start), so it gets 413 and the MTA bounces it: the sender learns it did not arrive.
"""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from tickets.email.intake import email_receive
from tickets.email.models import Channel, QuarantineReason
from tickets.throttles import TokenLookupThrottle

CHUNK = 64 * 1024


@csrf_exempt  # no browser session is involved: the token is the credential
@require_POST
def inbound_email(request):
    if not settings.INBOUND_EMAIL_TOKEN:
        raise Http404("The inbound email endpoint is off.")
    throttle = TokenLookupThrottle()
    wait = throttle.blocked_for(request)
    if wait is not None:
        response = JsonResponse({"detail": "Too many wrong tokens."}, status=429)
        response["Retry-After"] = str(int(wait) + 1)
        return response
    if not constant_time_compare(request.headers.get("X-Inbound-Token", ""), settings.INBOUND_EMAIL_TOKEN):
        throttle.record(request)
        return JsonResponse({"detail": "X-Inbound-Token is missing or wrong."}, status=403)
    if request.content_type != "message/rfc822":
        return JsonResponse({"detail": "Send one mail as Content-Type: message/rfc822."}, status=415)
    raw = _read_at_most(request, settings.INBOUND_EMAIL_MAX_BYTES + 1)
    if not raw:
        return JsonResponse({"detail": "The body is empty: send the whole mail."}, status=400)
    intake = email_receive(raw=raw, channel=Channel.ENDPOINT)
    too_large = intake.outcome == "quarantined" and intake.reason.startswith(QuarantineReason.TOO_LARGE)
    return JsonResponse(
        {"outcome": intake.outcome, "ticket_id": intake.ticket_id, "reason": intake.reason},
        status=413 if too_large else 200,
    )


def _read_at_most(request, limit: int) -> bytes:
    # Read from the stream, not request.body: DATA_UPLOAD_MAX_MEMORY_SIZE (meant for forms)
    # would refuse a mail with attachments. One byte over the limit is enough to know.
    chunks, size = [], 0
    while size < limit:
        chunk = request.read(min(CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
