"""Sending a resolved ticket's answer to the customer, in their language."""

import logging
import re
import unicodedata

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from ai_engine import reply_language, secrets_find
from tickets.models import AuditEvent, Status, Ticket
from tickets.rules import Rule

logger = logging.getLogger(__name__)

SUBJECT_MAX = 80
_SPACES = re.compile(r"\s+")


class AnswerNotSent(Exception):
    """The mail backend failed; the task will try again later."""


def answer_send(*, ticket_id) -> str:
    """Email the ticket's resolution once. Raises AnswerNotSent when the backend fails.

    `answer_sent_at` is set only after the mail backend accepted the message, so
    a crash between the two can at worst send the answer twice, never zero times.
    A reply that would carry a secret is never sent: the ticket goes to a human.
    """
    ticket = Ticket.objects.get(pk=ticket_id)
    if ticket.answer_sent_at or not ticket.resolution:
        return "nothing to send"
    if ticket.status not in (Status.AUTO_RESOLVED, Status.RESOLVED):
        return "not resolved"
    if ticket.answer_attempts >= settings.ANSWER_EMAIL_MAX_ATTEMPTS:
        return "gave up"
    subject, body = answer_render(ticket)
    if any(finding.is_secret for finding in secrets_find(f"{subject}\n{body}")):
        return _withhold(ticket)
    Ticket.objects.filter(pk=ticket.pk).update(answer_attempts=F("answer_attempts") + 1)
    try:
        send_mail(
            subject=subject,
            message=body,
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


def answer_render(ticket: Ticket) -> tuple[str, str]:
    """(subject, body) of the answer email, from templates in the customer's language."""
    language = reply_language(ticket.language)
    subject = render_to_string("emails/answer_subject.txt", {"subject": subject_safe(ticket.subject)})
    body = render_to_string(f"emails/answer_body_{language}.txt", {"answer": ticket.resolution})
    return subject.strip(), body


def subject_safe(subject: str) -> str:
    """The customer's subject without control or bidirectional characters, cut to a safe length."""
    kept = "".join(ch for ch in subject if unicodedata.category(ch)[0] != "C")
    kept = _SPACES.sub(" ", kept).strip()
    return kept if len(kept) <= SUBJECT_MAX else kept[: SUBJECT_MAX - 1].rstrip() + "…"


def _withhold(ticket: Ticket) -> str:
    AuditEvent.objects.create(
        ticket=ticket,
        kind=AuditEvent.Kind.ANSWER_FAILED,
        note="The reply contains a secret (card number, password, key...); it was not sent.",
    )
    if ticket.status == Status.AUTO_RESOLVED:
        Ticket.objects.filter(pk=ticket.pk, version=ticket.version).update(
            status=Status.AWAITING_REVIEW,
            routing_rule=f"{Rule.GUARD}:exposed_secret",
            routing_reason="The automatic reply would have repeated a secret.",
            decided_by="",
            version=F("version") + 1,
            updated_at=timezone.now(),
        )
    return "withheld: the reply contains a secret"
