"""Secrets and personal data in ticket text: masked when shown, revealed on permission, purged.

Detection is ai_engine's (`secrets_find`), the same the `exposed_secret` guard and the
OpenAI engine use. What the API shows is masked by default; an agent with the
reveal permission may read the original, and every such look is audited. Purging
masks the stored text itself, so the original is gone for everyone.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ai_engine import secrets_find, secrets_mask
from tickets.models import BODY_MAX, SUBJECT_MAX, AuditEvent, Decision, Message, Ticket
from tickets.services.errors import Conflict, InvalidAction


def text_masked(text: str) -> str:
    """`text` with every secret and piece of personal data replaced by its kind, e.g. [card_number]."""
    return secrets_mask(text) if text else text


def value_masked(value):
    """A JSON value with every string in it masked (decision outputs, audit changes)."""
    if isinstance(value, str):
        return text_masked(value)
    if isinstance(value, list):
        return [value_masked(item) for item in value]
    if isinstance(value, dict):
        return {key: value_masked(item) for key, item in value.items()}
    return value


def ticket_secrets_reveal(*, ticket_id, actor) -> Ticket:
    """The ticket, for showing its original text to `actor`; the look is recorded in the timeline.

    The caller has checked the reveal permission; this records who looked and when.
    """
    ticket = Ticket.objects.get(pk=ticket_id)
    AuditEvent.objects.create(
        ticket=ticket,
        kind=AuditEvent.Kind.SECRETS_REVEALED,
        actor=actor if actor is not None and actor.pk else None,
        changes={"kinds": _kinds(ticket)},
    )
    return ticket


def ticket_secrets_purge(*, ticket_id, actor, version: int | None = None) -> Ticket:
    """Mask every secret and piece of personal data in the stored ticket, for good.

    Covers the customer's subject and body, the conversation, the suggestion and
    resolution, the decision log's model output and the timeline. Raises InvalidAction when there
    is nothing to purge and Conflict when the ticket changed since `version`.
    """
    ticket = Ticket.objects.get(pk=ticket_id)
    if version is not None and version != ticket.version:
        raise Conflict(
            f"The ticket changed since you loaded it (you saw version {version}, it is now "
            f"{ticket.version}). Review its current state and try again.",
            ticket,
        )
    kinds = _kinds(ticket)
    if not kinds:
        raise InvalidAction("There is no secret or personal data in this ticket to purge.")
    with transaction.atomic():
        updated = Ticket.objects.filter(pk=ticket.pk, version=ticket.version).update(
            # A marker can be longer than what it replaces ("[cvv]" for "123"): stay in bounds.
            subject=text_masked(ticket.subject)[:SUBJECT_MAX],
            body=text_masked(ticket.body)[:BODY_MAX],
            suggestion=text_masked(ticket.suggestion),
            resolution=text_masked(ticket.resolution),
            version=F("version") + 1,
            updated_at=timezone.now(),
        )
        if not updated:
            raise Conflict(
                "Someone else changed this ticket at the same moment; nothing was purged. "
                "Review its current state and try again.",
                Ticket.objects.get(pk=ticket.pk),
            )
        # The decision log is append-only; purging is the one rewrite it allows, because
        # keeping a pasted card number forever is worse than an edited log line.
        for decision in ticket.decisions.all():
            Decision.objects.filter(pk=decision.pk).update(
                raw_output=text_masked(decision.raw_output),
                output=value_masked(decision.output),
                error=text_masked(decision.error),
            )
        for event in ticket.events.all():
            AuditEvent.objects.filter(pk=event.pk).update(
                changes=value_masked(event.changes), note=text_masked(event.note)
            )
        # The conversation repeats the body and the replies, and holds what came after.
        for message in ticket.messages.all():
            Message.objects.filter(pk=message.pk).update(body=text_masked(message.body)[:BODY_MAX])
        AuditEvent.objects.create(
            ticket=ticket,
            kind=AuditEvent.Kind.SECRETS_PURGED,
            actor=actor if actor is not None and actor.pk else None,
            changes={"kinds": kinds},
        )
    ticket.refresh_from_db()
    return ticket


def _kinds(ticket: Ticket) -> list[str]:
    """The kinds of secret and personal data in the ticket's text, e.g. ["card_number", "cvv"]."""
    conversation = ticket.messages.values_list("body", flat=True)
    text = "\n".join((ticket.subject, ticket.body, ticket.suggestion, ticket.resolution, *conversation))
    return sorted({finding.kind for finding in secrets_find(text)})
