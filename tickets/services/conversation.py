"""The conversation on a ticket: customer replies, answers sent, internal notes, outcomes.

What the customer does after an answer is how the product measures that answer:
`confirmed` ("this solved my problem"), `reopened` (a reply, or "this did not solve
it"), or `assumed` after RESOLUTION_ASSUMED_AFTER_DAYS of silence. Outcomes are kept on
the answer's Message, so a ticket answered twice keeps both verdicts.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ai_engine import secrets_mask
from tickets import metrics
from tickets.models import BODY_MAX, AuditEvent, DecidedBy, Message, Source, Status, Ticket
from tickets.rules import Rule
from tickets.selectors import answer_latest
from tickets.services.errors import Conflict, InvalidAction
from tickets.sla import WAITING, sla_breached_at

ANSWERED = (Status.AUTO_RESOLVED, Status.RESOLVED)
# Outcomes the customer may still change: no verdict yet, or silence taken for one.
OPEN_OUTCOMES = (Message.Outcome.PENDING, Message.Outcome.ASSUMED)
ASSUME_BATCH = 1000


def customer_reply(
    *, ticket_id, body: str, source: str = Source.WEB_FORM, email_message_id: str = ""
) -> Ticket:
    """Add the customer's message; the ticket goes back to a human (rule customer_replied).

    A reply to an answer the customer had not judged yet reopens that answer.
    `email_message_id`: the Message-ID of the mail that carried it, for threading.
    """
    body = _checked_text(body, "body")
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket_id)
        Message.objects.create(
            ticket=ticket,
            kind=Message.Kind.CUSTOMER,
            source=source,
            body=body,
            email_message_id=email_message_id,
        )
        return _back_to_a_human(ticket, Rule.CUSTOMER_REPLIED, "The customer replied.")


def customer_reopen(*, ticket_id, reason: str = "") -> Ticket:
    """ "This did not solve it": the answer is reopened and the ticket goes back to a human
    (rule customer_reopened), with the customer's reason, if any, in the conversation."""
    reason = reason.strip()
    if reason:
        reason = _checked_text(reason, "reason")
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket_id)
        if ticket.status not in ANSWERED or answer_latest(ticket) is None:
            raise InvalidAction("There is no answer to reopen: the ticket is already with our team.")
        if reason:
            Message.objects.create(
                ticket=ticket, kind=Message.Kind.CUSTOMER, source=Source.WEB_FORM, body=reason
            )
        # The reason is kept whole in the conversation (masked where shown, purged on request);
        # the queue's reason and the history show it masked, as they are read everywhere.
        why = "The customer says the answer did not solve the problem" + (
            f": {secrets_mask(reason)}" if reason else "."
        )
        # Their latest word counts: "solved" pressed before (by mistake) is withdrawn.
        return _back_to_a_human(ticket, Rule.CUSTOMER_REOPENED, why, withdraw_confirmation=True)


def customer_confirm(*, ticket_id) -> Ticket:
    """ "This solved my problem": the latest answer's outcome becomes `confirmed`."""
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket_id)
        answer = answer_latest(ticket)
        if ticket.status not in ANSWERED or answer is None:
            raise InvalidAction("There is no answer to confirm yet.")
        if answer.outcome == Message.Outcome.CONFIRMED:
            return ticket  # pressed twice: nothing more to record
        _outcome_set(answer, Message.Outcome.CONFIRMED, note="The customer confirmed the answer solved it.")
    return ticket


def note_add(*, ticket_id, author, body: str) -> Message:
    """An agent's internal note: shown to staff beside the conversation, never to the customer."""
    body = _checked_text(body, "note")
    ticket = Ticket.objects.get(pk=ticket_id)
    return Message.objects.create(
        ticket=ticket, kind=Message.Kind.INTERNAL_NOTE, source=Source.ADMIN, author=author, body=body
    )


def answer_record(*, ticket: Ticket, sent_at: datetime, email_message_id: str = "") -> Message:
    """The answer just emailed, as a conversation message awaiting the customer's verdict.

    Called by answers.answer_send once the mail server accepted it. An earlier answer the
    customer never judged is marked `replaced`: its verdict can no longer be told apart.
    """
    by_ai = ticket.decided_by == DecidedBy.AI
    author = None
    if not by_ai:
        review = (
            ticket.events.filter(kind=AuditEvent.Kind.REVIEW, action__in=["approve", "override"])
            .order_by("-created_at", "-id")
            .first()
        )
        author = review.actor if review else None
    Message.objects.filter(
        ticket=ticket, kind__in=Message.ANSWER_KINDS, outcome=Message.Outcome.PENDING
    ).update(outcome=Message.Outcome.REPLACED, outcome_at=sent_at)
    if sla_breached_at(ticket, sent_at):
        metrics.sla_breached(priority=ticket.priority)
    return Message.objects.create(
        ticket=ticket,
        kind=Message.Kind.AUTO_REPLY if by_ai else Message.Kind.AGENT,
        author=author,
        body=ticket.resolution,
        outcome=Message.Outcome.PENDING,
        created_at=sent_at,
        email_message_id=email_message_id,
    )


def outcomes_assume(*, now: datetime | None = None) -> int:
    """Answers left without a verdict for RESOLUTION_ASSUMED_AFTER_DAYS become `assumed`.

    Periodic (tickets.tasks.assume_silent_outcomes). Returns how many changed; safe to
    run any number of times, and a customer's later verdict still replaces `assumed`.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.RESOLUTION_ASSUMED_AFTER_DAYS)
    changed = 0
    while True:
        with transaction.atomic():
            silent = list(
                Message.objects.select_for_update()
                .filter(
                    kind__in=Message.ANSWER_KINDS,
                    outcome=Message.Outcome.PENDING,
                    created_at__lt=cutoff,
                    ticket__status__in=ANSWERED,
                )
                .order_by("created_at", "id")
                .values_list("pk", "ticket_id")[:ASSUME_BATCH]
            )
            if not silent:
                return changed
            Message.objects.filter(pk__in=[pk for pk, _ in silent]).update(
                outcome=Message.Outcome.ASSUMED, outcome_at=now
            )
            AuditEvent.objects.bulk_create(
                AuditEvent(
                    ticket_id=ticket_id,
                    kind=AuditEvent.Kind.OUTCOME,
                    action=Message.Outcome.ASSUMED,
                    note=f"No word from the customer for {settings.RESOLUTION_ASSUMED_AFTER_DAYS} days.",
                )
                for _, ticket_id in silent
            )
        changed += len(silent)


def _back_to_a_human(
    ticket: Ticket, rule: Rule, reason: str, *, withdraw_confirmation: bool = False
) -> Ticket:
    """Send a locked ticket to the review queue because of something the customer did."""
    now = timezone.now()
    answer = answer_latest(ticket) if ticket.status in ANSWERED else None
    reopenable = OPEN_OUTCOMES + ((Message.Outcome.CONFIRMED,) if withdraw_confirmation else ())
    if answer is not None and answer.outcome in reopenable:
        _outcome_set(answer, Message.Outcome.REOPENED, note=reason)
        metrics.answer_reopened(answered_by=answer.kind)
    fields = {
        "status": Status.AWAITING_REVIEW,
        "routing_rule": rule,
        "routing_reason": reason,
        # The customer's word outranks the model: from here a person decides, and AI
        # runs (retriage) no longer move the ticket.
        "decided_by": DecidedBy.HUMAN,
        "claimed_at": None,
        "version": F("version") + 1,
        "updated_at": now,
    }
    if ticket.status not in WAITING:
        # A new wait begins; the next answer is a new email, even if its text is the same.
        fields |= {"sla_started_at": now, "answer_sent_at": None, "answer_attempts": 0}
    updated = Ticket.objects.filter(pk=ticket.pk, version=ticket.version).update(**fields)
    if not updated:  # impossible under the row lock; refuse loudly rather than guess
        raise Conflict("The ticket changed while your message was being saved.", ticket)
    AuditEvent.objects.create(
        ticket=ticket,
        kind=AuditEvent.Kind.ROUTED,
        action=rule,
        changes={"status": [ticket.status, Status.AWAITING_REVIEW]},
        note=reason,
    )
    metrics.ticket_routed(status=Status.AWAITING_REVIEW, rule=rule)
    ticket.refresh_from_db()
    return ticket


def _outcome_set(answer: Message, outcome: str, *, note: str) -> None:
    now = timezone.now()
    Message.objects.filter(pk=answer.pk).update(outcome=outcome, outcome_at=now)
    AuditEvent.objects.create(
        ticket_id=answer.ticket_id, kind=AuditEvent.Kind.OUTCOME, action=outcome, note=note
    )


def _checked_text(text: str, field: str) -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidAction(f"{field}: write a message first.")
    if len(text) > BODY_MAX:
        raise InvalidAction(f"{field}: at most {BODY_MAX} characters.")
    return text
