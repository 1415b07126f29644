"""Background triage: claim a ticket, triage it, never twice, never lost."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from tickets import metrics
from tickets.models import AuditEvent, DecidedBy, Status, Ticket
from tickets.rules import Rule
from tickets.services.decisions import triage_apply, triage_propose
from tickets.signals import ticket_awaiting_human

logger = logging.getLogger(__name__)


def ticket_claim(*, ticket_id) -> Ticket | None:
    """Move a `new` ticket (or one whose triage went stale) to `triaging`.

    A conditional UPDATE: of two workers, or a task and its redelivery, exactly
    one gets the row. A human-decided ticket is never claimed.
    """
    now = timezone.now()
    stale = now - timedelta(seconds=settings.TRIAGE_STALE_SECONDS)
    claimable = Q(status=Status.NEW) | Q(status=Status.TRIAGING, claimed_at__lt=stale)
    claimed = (
        Ticket.objects.filter(claimable, pk=ticket_id)
        .exclude(decided_by=DecidedBy.HUMAN)
        .update(
            status=Status.TRIAGING,
            claimed_at=now,
            triage_attempts=F("triage_attempts") + 1,
            version=F("version") + 1,
            updated_at=now,
        )
    )
    return Ticket.objects.get(pk=ticket_id) if claimed else None


def ticket_triage(*, ticket_id) -> str:
    """Triage a submitted ticket once. Safe to call any number of times."""
    ticket = ticket_claim(ticket_id=ticket_id)
    if ticket is None:
        return "skipped: already triaged or being triaged"
    if ticket.triage_attempts > settings.TRIAGE_MAX_ATTEMPTS:
        return ticket_give_up(ticket=ticket)
    proposal = triage_propose(ticket=ticket)
    outcome = triage_apply(ticket_id=ticket_id, proposal=proposal, claimed_version=ticket.version)
    return f"{outcome.routing.rule}: {outcome.routing.status}" if outcome.applied else "superseded"


def ticket_give_up(*, ticket: Ticket) -> str:
    """After too many failed attempts a human takes over, with the reason."""
    attempts = ticket.triage_attempts - 1
    reason = f"Automatic triage did not finish after {attempts} attempts."
    updated = Ticket.objects.filter(pk=ticket.pk, version=ticket.version).update(
        status=Status.AWAITING_REVIEW,
        routing_rule=Rule.TRIAGE_FAILED,
        routing_reason=reason,
        claimed_at=None,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if updated:
        AuditEvent.objects.create(
            ticket=ticket,
            kind=AuditEvent.Kind.ROUTED,
            action=Rule.TRIAGE_FAILED,
            changes={"status": [Status.TRIAGING, Status.AWAITING_REVIEW]},
            note=reason,
        )
        metrics.ticket_routed(status=Status.AWAITING_REVIEW, rule=Rule.TRIAGE_FAILED)
        ticket_awaiting_human.send(sender=Ticket, ticket_id=ticket.pk)
    return "gave up: sent to review"
