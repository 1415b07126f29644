"""Human review: approve, override, spam, requeue. A human decision always wins.

Each action is a conditional UPDATE on the ticket version the agent saw, so two
agents (or an agent and a landing AI decision) never overwrite each other
silently: the later write gets Conflict with the fresh ticket.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from tickets.models import AuditEvent, DecidedBy, Intent, Priority, Status, Ticket
from tickets.services.approval import approve_refusal, secret_refusal, unpurged_secret_refusal
from tickets.services.errors import Conflict, InvalidAction
from tickets.signals import ticket_answered

ACTIONS = ("approve", "override", "spam", "requeue")
FINISHED = (Status.RESOLVED, Status.CLOSED)


def review_approve(*, ticket_id, actor, answer: str | None = None, version: int | None = None) -> Ticket:
    """Resolve with the AI suggestion (or the agent's edit of it) as the answer."""
    ticket = _load(ticket_id, version)
    _check_open(ticket, "approve")
    answer = (answer if answer is not None else ticket.suggestion).strip()
    refusal = approve_refusal(ticket, answer)
    if refusal:
        raise InvalidAction(refusal)
    return _apply(
        ticket,
        actor,
        "approve",
        status=Status.RESOLVED,
        resolution=answer,
        decided_by=DecidedBy.HUMAN,
    )


def review_override(
    *,
    ticket_id,
    actor,
    intent: str,
    priority: str,
    answer: str,
    version: int | None = None,
) -> Ticket:
    """Resolve with the agent's own intent, priority and answer."""
    ticket = _load(ticket_id, version)
    _check_open(ticket, "override")
    if intent not in Intent.values:
        raise InvalidAction(f"intent: {intent!r} is not one of {Intent.values}.")
    if priority not in Priority.values:
        raise InvalidAction(f"priority: {priority!r} is not one of {Priority.values}.")
    if unpurged := unpurged_secret_refusal(ticket):
        raise InvalidAction(unpurged)
    if not (answer or "").strip():
        raise InvalidAction("answer: an override needs the answer to send.")
    _check_no_secret(answer)
    return _apply(
        ticket,
        actor,
        "override",
        status=Status.RESOLVED,
        intent=intent,
        priority=priority,
        resolution=answer.strip(),
        decided_by=DecidedBy.HUMAN,
    )


def review_spam(*, ticket_id, actor, version: int | None = None) -> Ticket:
    """Close as spam: intent unknown and priority low (the rubric's label for it, which the
    exported labels and the next training carry), nothing sent to the sender."""
    ticket = _load(ticket_id, version)
    _check_open(ticket, "spam")
    return _apply(
        ticket,
        actor,
        "spam",
        status=Status.CLOSED,
        intent=Intent.UNKNOWN,
        priority=Priority.LOW,
        resolution="",
        decided_by=DecidedBy.HUMAN,
    )


def review_requeue(
    *,
    ticket_id,
    actor,
    intent: str | None = None,
    priority: str | None = None,
    version: int | None = None,
) -> Ticket:
    """Put a ticket back in the review queue. It stays a human's call: AI runs won't move it.

    With `intent` or `priority` the agent corrects the triage and leaves the answer for
    later (a legal threat the engine read as low is raised without replying to it).
    """
    ticket = _load(ticket_id, version)
    if intent is not None and intent not in Intent.values:
        raise InvalidAction(f"intent: {intent!r} is not one of {Intent.values}.")
    if priority is not None and priority not in Priority.values:
        raise InvalidAction(f"priority: {priority!r} is not one of {Priority.values}.")
    corrected = {
        name: value
        for name, value in (("intent", intent), ("priority", priority))
        if value is not None and getattr(ticket, name) != value
    }
    if ticket.status == Status.AWAITING_REVIEW and ticket.is_decided_by_human and not corrected:
        raise Conflict("The ticket is already back in the review queue.", ticket)
    reason = "Returned to the queue by an agent" + (
        ", with " + " and ".join(f"{name} {value}" for name, value in corrected.items()) + "."
        if corrected
        else "."
    )
    return _apply(
        ticket,
        actor,
        "requeue",
        status=Status.AWAITING_REVIEW,
        routing_rule="requeued",
        routing_reason=reason,
        decided_by=DecidedBy.HUMAN,
        **corrected,
    )


def review_act(*, ticket_id, actor, action: str, **fields) -> Ticket:
    """Dispatch one of ACTIONS; used by the API and bulk admin actions."""
    services = {
        "approve": review_approve,
        "override": review_override,
        "spam": review_spam,
        "requeue": review_requeue,
    }
    if action not in services:
        raise InvalidAction(f"action: {action!r} is not one of {list(ACTIONS)}.")
    return services[action](ticket_id=ticket_id, actor=actor, **fields)


def _load(ticket_id, version: int | None) -> Ticket:
    ticket = Ticket.objects.get(pk=ticket_id)
    if version is not None and version != ticket.version:
        raise Conflict(
            f"The ticket changed since you loaded it (you saw version {version}, "
            f"it is now {ticket.version}). Review its current state and try again.",
            ticket,
        )
    return ticket


def _check_no_secret(answer: str) -> None:
    if secret := secret_refusal(answer):
        raise InvalidAction(secret)


def _check_open(ticket: Ticket, action: str) -> None:
    if ticket.status in FINISHED and ticket.is_decided_by_human:
        raise Conflict(
            f"Cannot {action}: an agent already set this ticket to {ticket.status}; requeue it first.",
            ticket,
        )


@transaction.atomic
def _apply(ticket: Ticket, actor, action: str, **fields) -> Ticket:
    now = timezone.now()
    changes = {
        name: [getattr(ticket, name), value]
        for name, value in fields.items()
        if getattr(ticket, name) != value
    }
    updated = Ticket.objects.filter(pk=ticket.pk, version=ticket.version).update(
        **fields, claimed_at=None, version=F("version") + 1, updated_at=now
    )
    if not updated:
        raise Conflict(
            "Someone else changed this ticket at the same moment; your change was not saved. "
            "Review its current state and try again.",
            Ticket.objects.get(pk=ticket.pk),
        )
    AuditEvent.objects.create(
        ticket=ticket,
        kind=AuditEvent.Kind.REVIEW,
        actor=actor if actor is not None and actor.pk else None,
        action=action,
        changes=changes,
    )
    ticket.refresh_from_db()
    if (
        ticket.status == Status.RESOLVED
        and ticket.resolution
        and ("resolution" in changes or not ticket.answer_sent_at)
    ):
        # A new answer replaces any earlier one; send it.
        Ticket.objects.filter(pk=ticket.pk).update(answer_sent_at=None, answer_attempts=0)
        ticket_answered.send(sender=Ticket, ticket_id=ticket.pk)
    return ticket
