"""Mail intake could not take: kept with the reason, for agents to see in admin."""

from tickets.email.models import QuarantinedEmail, QuarantineReason
from tickets.email.parse import header_peek

# A mail refused for its size keeps only its start: enough to see who sent what.
KEPT_OF_TOO_LARGE = 256 * 1024


def mail_quarantine(*, raw: bytes, channel: str, reason: str, detail: str) -> QuarantinedEmail:
    """Store `raw` with why it was not taken in. The same mail quarantined again is stored once."""
    message_id = header_peek(raw, "Message-ID")
    if message_id:
        earlier = QuarantinedEmail.objects.filter(email_message_id=message_id, reason=reason).first()
        if earlier:
            return earlier
    return QuarantinedEmail.objects.create(
        reason=reason,
        detail=detail[:2000],
        channel=channel,
        email_message_id=message_id,
        sender=header_peek(raw, "From"),
        subject=header_peek(raw, "Subject"),
        size=len(raw),
        raw=raw[:KEPT_OF_TOO_LARGE] if reason == QuarantineReason.TOO_LARGE else raw,
    )
