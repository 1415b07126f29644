"""The "we received your request" email, with the customer's private link."""

import logging

from django.template.loader import render_to_string
from django.utils import timezone

from ai_engine import language_detect, reply_language
from tickets import metrics
from tickets.email.outgoing import automatic_mail_refused, mail_build
from tickets.models import Ticket
from tickets.portal.links import portal_url
from tickets.services.answers import subject_safe
from tickets.services.mail_limits import automatic_mail_allowed

logger = logging.getLogger(__name__)


class ConfirmationNotSent(Exception):
    """The mail server refused the confirmation."""


def confirmation_send(*, ticket_id) -> str:
    """Email the submission confirmation once.

    At most once: the ticket is marked before the mail goes out (a lost confirmation
    costs little, the link is also in the create response and in every answer; two
    would be noise), and unmarked if the mail server refuses it. Customer addresses are
    not verified, so it counts against AUTO_REPLIES_PER_ADDRESS_PER_HOUR automatic mails
    per address and hour: the form cannot be used to flood a stranger's mailbox. A ticket
    opened by a machine's mail (an auto-reply, a bounce) gets none: robots would loop.
    """
    ticket = Ticket.objects.get(pk=ticket_id)
    if ticket.confirmation_sent_at:
        return "already sent"
    if automatic_mail_refused(ticket):
        return "skipped: the mail came from a machine"
    if not automatic_mail_allowed(ticket.customer_email):
        return "skipped: hourly limit for this address"
    now = timezone.now()
    claimed = Ticket.objects.filter(pk=ticket.pk, confirmation_sent_at__isnull=True).update(
        confirmation_sent_at=now
    )
    if not claimed:
        return "already sent"
    subject, body = confirmation_render(ticket)
    try:
        mail_build(ticket=ticket, subject=subject, body=body, automatic=True).send()
    except Exception as exc:  # SMTP errors come in many types
        Ticket.objects.filter(pk=ticket.pk).update(confirmation_sent_at=None)
        metrics.email_failed("confirmation")
        logger.warning("confirmation for ticket %s not sent: %s", ticket.pk, type(exc).__name__)
        raise ConfirmationNotSent(str(exc)) from exc
    return "sent"


def confirmation_render(ticket: Ticket) -> tuple[str, str]:
    """(subject, body) in the customer's language, which triage has not set yet: detected here."""
    language = reply_language(ticket.language or language_detect(f"{ticket.subject}\n{ticket.body}"))
    # The customer's own subject, as every reply carries it: secrets masked, links removed.
    subject = render_to_string("emails/confirmation_subject.txt", {"subject": subject_safe(ticket.subject)})
    body = render_to_string(f"emails/confirmation_body_{language}.txt", {"ticket_url": portal_url(ticket)})
    return subject.strip(), body
