"""The one cap on automatic mail: AUTO_REPLIES_PER_ADDRESS_PER_HOUR, counted over every kind.

Customer addresses are not verified, so anything the system mails by itself (a
confirmation, an automatic answer) counts against one hourly share per address: no mix
of kinds lets the service flood a stranger's mailbox.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from tickets.models import AuditEvent, DecidedBy, Ticket
from tickets.selectors import of_customer


def automatic_mails_last_hour(address: str) -> int:
    """Automatic mails sent to `address` (any case) in the last hour."""
    # Two workers may both pass this count at once: the cap is approximate by one or two,
    # which bounds a flood just as well as an exact lock would.
    since = timezone.now() - timedelta(hours=1)
    # The address in any case, read through the expression index (selectors.of_customer).
    tickets = of_customer(Ticket.objects.all(), address)
    answers = AuditEvent.objects.filter(
        kind=AuditEvent.Kind.ANSWER_SENT,
        action=DecidedBy.AI,
        ticket__in=tickets.values("pk"),
        created_at__gte=since,
    ).count()
    confirmations = tickets.filter(confirmation_sent_at__gte=since).count()
    return answers + confirmations


def automatic_mail_allowed(address: str) -> bool:
    return automatic_mails_last_hour(address) < settings.AUTO_REPLIES_PER_ADDRESS_PER_HOUR
