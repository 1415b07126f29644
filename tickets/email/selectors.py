"""Reads for staff pages: the mail a ticket came with."""

from dataclasses import dataclass

from tickets.email.models import EmailAttachment, InboundEmail
from tickets.models import Ticket


@dataclass(frozen=True)
class TicketMail:
    emails: list[InboundEmail]
    attachments: list[EmailAttachment]

    @property
    def opened_by_a_machine(self) -> str:
        """Why the mail that opened the ticket counts as machine-written ("" when a person wrote it)."""
        return self.emails[0].automatic if self.emails else ""


def ticket_mail(ticket: Ticket) -> TicketMail:
    """The mails taken into `ticket` (without their bytes) and every file they brought."""
    emails = list(
        InboundEmail.objects.filter(ticket=ticket)
        .defer("raw")
        .select_related("message")
        .order_by("created_at")
    )
    attachments = list(
        EmailAttachment.objects.filter(message__ticket=ticket)
        .defer("data")
        .order_by("message__created_at", "id")
    )
    return TicketMail(emails=emails, attachments=attachments)
