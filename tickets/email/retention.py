"""How long mail is kept: the bytes of old mails and attachments go, their records stay.

A ticket's conversation holds the mail's clean text; the original bytes and the files are
evidence agents rarely need after a while, and they carry whatever the customer pasted.
`purge_mail --older-than DAYS` removes them (and the quarantine, which made no ticket)
while keeping each mail's Message-ID, sender and subject: replies still thread, the same
mail is still recognised, and the agent sees that a file was sent and when it was removed.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import Length
from django.utils import timezone

from tickets.email.models import EmailAttachment, InboundEmail, QuarantinedEmail


@dataclass(frozen=True)
class MailPurge:
    mails: int
    attachments: int
    quarantined: int
    bytes: int


def mail_purge(*, older_than: timedelta, dry_run: bool = False) -> MailPurge:
    """Remove the bytes of mails and attachments received more than `older_than` ago, and
    delete the quarantined mails as old. With `dry_run`, only count."""
    now = timezone.now()
    cutoff = now - older_than
    mails = InboundEmail.objects.filter(created_at__lt=cutoff, raw_purged_at__isnull=True)
    files = EmailAttachment.objects.filter(
        message__created_at__lt=cutoff, purged_at__isnull=True, dropped=False
    )
    quarantined = QuarantinedEmail.objects.filter(created_at__lt=cutoff)
    size = sum(
        query.aggregate(total=Sum(Length(field)))["total"] or 0
        for query, field in ((mails, "raw"), (files, "data"), (quarantined, "raw"))
    )
    report = MailPurge(mails.count(), files.count(), quarantined.count(), size)
    if not dry_run:
        with transaction.atomic():
            mails.update(raw=b"", raw_purged_at=now)
            files.update(data=b"", purged_at=now)
            quarantined.delete()
    return report

