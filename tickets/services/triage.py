"""Background triage: claim a ticket, triage it, never twice, never lost."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from tickets import metrics
from tickets.models import AuditEvent, DecidedBy, Status, Ticket
from tickets.rules import Rule
from tickets.services.decisions import triage_apply
from tickets.services.proposals import triage_propose
from tickets.signals import ticket_awaiting_human, ticket_triage_deferred

logger = logging.getLogger(__name__)


def ticket_claim(*, ticket_id) -> Ticket | None:
    """Move a `new` ticket (or one whose triage went stale) to `triaging`.

    A conditional UPDATE: of two workers, or a task and its redelivery, exactly
    one gets the row. A human-decided ticket is never claimed.
    """
    now = timezone.now()
    claimed = _claimable(now).filter(pk=ticket_id).update(**_claim_fields(now))
    return Ticket.objects.get(pk=ticket_id) if claimed else None


def tickets_claim(*, first_ticket_id=None, limit: int) -> list[Ticket]:
    """Claim up to `limit` tickets waiting for triage, `first_ticket_id` first if it waits, then
    the oldest. The same conditional UPDATE as `ticket_claim`, for many rows in one short
    transaction; rows another worker is claiming are skipped (SKIP LOCKED), never taken twice.
    """
    now = timezone.now()
    with transaction.atomic():
        ids = []
        if first_ticket_id is not None:
            ids = list(
                _claimable(now)
                .filter(pk=first_ticket_id)
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)
            )
        if len(ids) < limit:
            oldest = _claimable(now).exclude(pk__in=ids).order_by("created_at")
            ids += oldest.select_for_update(skip_locked=True).values_list("pk", flat=True)[: limit - len(ids)]
        if not ids:
            return []
        _claimable(now).filter(pk__in=ids).update(**_claim_fields(now))
        # Exactly the rows this UPDATE moved: a row claimed elsewhere has another claimed_at.
        # In claim order (the given ticket, then the oldest): calls start in this order.
        claimed = {t.pk: t for t in Ticket.objects.filter(pk__in=ids, status=Status.TRIAGING, claimed_at=now)}
        return [claimed[pk] for pk in ids if pk in claimed]


def ticket_release(*, ticket_id, claimed_version: int) -> bool:
    """Hand a claimed ticket back untried, as if never claimed: the model's rate limit
    stopped it, which says nothing about the ticket, so it costs no attempt. It is
    queued again (signal `ticket_triage_deferred`)."""
    released = Ticket.objects.filter(pk=ticket_id, version=claimed_version, status=Status.TRIAGING).update(
        status=Status.NEW,
        claimed_at=None,
        triage_attempts=F("triage_attempts") - 1,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if released:
        ticket_triage_deferred.send(sender=Ticket, ticket_id=ticket_id)
    return bool(released)


def _claimable(now):
    stale = now - timedelta(seconds=settings.TRIAGE_STALE_SECONDS)
    claimable = Q(status=Status.NEW) | Q(status=Status.TRIAGING, claimed_at__lt=stale)
    return Ticket.objects.filter(claimable).exclude(decided_by=DecidedBy.HUMAN)


def _claim_fields(now) -> dict:
    return {
        "status": Status.TRIAGING,
        "claimed_at": now,
        "triage_attempts": F("triage_attempts") + 1,
        "version": F("version") + 1,
        "updated_at": now,
    }


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
