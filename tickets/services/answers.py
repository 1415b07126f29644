"""Sending a resolved ticket's answer to the customer."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F
from django.utils import timezone

from tickets.models import AuditEvent, Status, Ticket

logger = logging.getLogger(__name__)


class AnswerNotSent(Exception):
    """The mail backend failed; the task will try again later."""


def answer_send(*, ticket_id) -> str:
    """Email the ticket's resolution once. Raises AnswerNotSent when the backend fails.

    `answer_sent_at` is set only after the mail backend accepted the message, so
    a crash between the two can at worst send the answer twice, never zero times.
    """
    ticket = Ticket.objects.get(pk=ticket_id)
    if ticket.answer_sent_at or not ticket.resolution:
        return "nothing to send"
    if ticket.status not in (Status.AUTO_RESOLVED, Status.RESOLVED):
        return "not resolved"
    if ticket.answer_attempts >= settings.ANSWER_EMAIL_MAX_ATTEMPTS:
        return "gave up"
    Ticket.objects.filter(pk=ticket.pk).update(answer_attempts=F("answer_attempts") + 1)
    try:
        send_mail(
            subject=f"Re: {ticket.subject}",
            message=ticket.resolution,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[ticket.customer_email],
        )
    except Exception as exc:  # SMTP errors come in many types; all mean "try later"
        AuditEvent.objects.create(
            ticket=ticket, kind=AuditEvent.Kind.ANSWER_FAILED, note=f"{type(exc).__name__}: {exc}"
        )
        raise AnswerNotSent(str(exc)) from exc
    sent = Ticket.objects.filter(pk=ticket.pk, answer_sent_at__isnull=True).update(
        answer_sent_at=timezone.now()
    )
    if sent:
        AuditEvent.objects.create(
            ticket=ticket, kind=AuditEvent.Kind.ANSWER_SENT, note=f"to {ticket.customer_email}"
        )
    return "sent"
