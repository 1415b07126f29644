"""Sending a resolved ticket's answer to the customer, in their language."""

import logging
import re
import unicodedata

from django.conf import settings
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from ai_engine import reply_language, secrets_find, secrets_mask
from tickets import metrics
from tickets.email.outgoing import automatic_mail_refused, mail_build
from tickets.models import AuditEvent, DecidedBy, Status, Ticket
from tickets.portal.links import portal_url
from tickets.rules import Rule
from tickets.services.conversation import answer_record
from tickets.services.mail_limits import automatic_mail_allowed

logger = logging.getLogger(__name__)

SUBJECT_MAX = 80
_SPACES = re.compile(r"\s+")
# Links and addresses in the customer's subject: an attacker's payload when the reply goes to
# someone else's address ("Re: Cheap pills at http://..."). A few false hits ("Node.js") are
# the price of never mailing a stranger a link.
_LINKS = re.compile(
    r"\b(?:[a-z][a-z0-9+.-]*://|www\.)\S*|\S+@\S+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b(?:/\S*)?",
    re.IGNORECASE,
)

# Reply prefixes already on the customer's subject ("Re: Re: AW:"): the reply adds its own
# "Re: ", so a thread reads "Re: invoice", not "Re: Re: Re: invoice". English, German
# (AW), Dutch (Antw), Scandinavian (SV), Polish (Odp), Portuguese (Res), with "Re[2]:".
_REPLY_PREFIXES = re.compile(r"^(?:(?:re|aw|antw|sv|odp|res)(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)


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
    automatic = ticket.decided_by == DecidedBy.AI
    if automatic and _automatic_answer_sent(ticket):
        return "nothing to send: this ticket already had its automatic answer"
    if automatic and (machine := automatic_mail_refused(ticket)):
        return _hold_for_review(
            ticket,
            rule=Rule.AUTOMATIC_SENDER,
            note=f"Automatic reply held: the ticket's mail came from a machine ({machine}).",
        )
    if automatic and not automatic_mail_allowed(ticket.customer_email):
        return _hold_for_review(
            ticket,
            rule=Rule.AUTO_REPLY_LIMIT,
            note="Automatic reply held: this address had its hourly share of automatic email.",
        )
    subject, body = answer_render(ticket)
    # The private link is ours, not the customer's words: a chance match in it must not withhold.
    scanned = f"{subject}\n{body}".replace(portal_url(ticket), "")
    if any(finding.is_secret for finding in secrets_find(scanned)):
        return _withhold(ticket)
    Ticket.objects.filter(pk=ticket.pk).update(answer_attempts=F("answer_attempts") + 1)
    message = mail_build(ticket=ticket, subject=subject, body=body, automatic=automatic)
    try:
        message.send()
    except Exception as exc:  # SMTP errors come in many types; all mean "try later"
        AuditEvent.objects.create(
            ticket=ticket, kind=AuditEvent.Kind.ANSWER_FAILED, note=f"{type(exc).__name__}: {exc}"
        )
        metrics.email_failed("answer")
        raise AnswerNotSent(str(exc)) from exc
    now = timezone.now()
    sent = Ticket.objects.filter(pk=ticket.pk, answer_sent_at__isnull=True).update(answer_sent_at=now)
    if sent:
        AuditEvent.objects.create(
            ticket=ticket,
            kind=AuditEvent.Kind.ANSWER_SENT,
            # Who decided the answer: "ai" marks an automatic email (capped per address).
            action=ticket.decided_by,
            note=f"to {ticket.customer_email}",
        )
        answer_record(ticket=ticket, sent_at=now, email_message_id=message.extra_headers["Message-ID"])
    return "sent"


def answer_render(ticket: Ticket) -> tuple[str, str]:
    """(subject, body) of the answer email, from templates in the customer's language."""
    language = reply_language(ticket.language)
    subject = render_to_string("emails/answer_subject.txt", {"subject": subject_safe(ticket.subject)})
    # A revoked link would open nothing: the customer answers by replying to the mail.
    link = None if ticket.access_token_revoked_at else portal_url(ticket)
    context = {"answer": ticket.resolution, "ticket_url": link}
    body = render_to_string(f"emails/answer_body_{language}.txt", context)
    return subject.strip(), body


def subject_safe(subject: str) -> str:
    """The customer's subject as a reply may carry it: without control or bidirectional
    characters, secrets and personal data masked, links and addresses replaced by [link],
    without the reply prefixes it already has, cut to a safe length."""
    spaced = _SPACES.sub(" ", subject)  # a tab or line break still separates words
    kept = "".join(ch for ch in spaced if unicodedata.category(ch)[0] != "C")
    kept = _LINKS.sub("[link]", secrets_mask(kept))
    kept = _REPLY_PREFIXES.sub("", _SPACES.sub(" ", kept).strip())
    return kept if len(kept) <= SUBJECT_MAX else kept[: SUBJECT_MAX - 1].rstrip() + "…"


def _withhold(ticket: Ticket) -> str:
    _hold_for_review(
        ticket,
        rule=f"{Rule.GUARD}:exposed_secret",
        note="The reply contains a secret (card number, password, key...); it was not sent.",
    )
    return "withheld: the reply contains a secret"


def _hold_for_review(ticket: Ticket, *, rule: str, note: str) -> str:
    """Send the ticket to the review queue instead of mailing its answer.

    An agent's answer stays the agent's (decided_by is kept, so no AI run moves it):
    they see why in the queue and edit or resend it; an AI answer becomes a
    recommendation again. Nothing is left for the sweeper to retry.
    """
    AuditEvent.objects.create(ticket=ticket, kind=AuditEvent.Kind.ANSWER_FAILED, action=rule, note=note)
    Ticket.objects.filter(pk=ticket.pk, version=ticket.version).update(
        status=Status.AWAITING_REVIEW,
        routing_rule=rule,
        routing_reason=note,
        decided_by="" if ticket.decided_by == DecidedBy.AI else ticket.decided_by,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    return f"held for review: {rule}"


def _automatic_answer_sent(ticket: Ticket) -> bool:
    return ticket.events.filter(kind=AuditEvent.Kind.ANSWER_SENT, action=DecidedBy.AI).exists()
