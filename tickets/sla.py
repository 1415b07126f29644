"""Response-time targets (SLA): how long a customer may wait for a response, per priority.

The clock starts at `Ticket.sla_started_at` (submission, or a reply/reopen after an
answer) and runs while the ticket waits: new, triaging or awaiting review. Any answer
stops it. Targets come from the setting SLA_FIRST_RESPONSE_HOURS.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Case, DateTimeField, F, Q, QuerySet, Value, When
from django.utils import timezone

from tickets.models import Priority, Status, Ticket

WAITING = (Status.NEW, Status.TRIAGING, Status.AWAITING_REVIEW)
# Before triage (or when it failed) a ticket has no priority; it is neither urgent nor ignorable.
UNCLASSIFIED = Priority.MEDIUM


def sla_target(priority: str | None) -> timedelta:
    hours = settings.SLA_FIRST_RESPONSE_HOURS
    return timedelta(hours=hours.get(priority or UNCLASSIFIED, hours[UNCLASSIFIED]))


def sla_due_expression() -> Case:
    """`sla_started_at` plus the target of the ticket's priority, as a database expression."""
    whens = [
        When(priority=priority, then=F("sla_started_at") + Value(sla_target(priority)))
        for priority in Priority.values
    ]
    return Case(
        *whens,
        default=F("sla_started_at") + Value(sla_target(None)),
        output_field=DateTimeField(),
    )


def with_sla_due(tickets: QuerySet[Ticket]) -> QuerySet[Ticket]:
    """`tickets` annotated with `sla_due`: when a response is due (sortable)."""
    return tickets.annotate(sla_due=sla_due_expression())


def overdue_q(now: datetime | None = None) -> Q:
    """Waiting tickets past their target. Plain comparisons per priority, so indexes apply."""
    now = now or timezone.now()
    late = Q(priority__isnull=True, sla_started_at__lt=now - sla_target(None))
    for priority in Priority.values:
        late |= Q(priority=priority, sla_started_at__lt=now - sla_target(priority))
    return Q(status__in=WAITING) & late


def due_within_q(window: timedelta, now: datetime | None = None) -> Q:
    """Waiting tickets not yet overdue whose target falls within `window` from now."""
    now = now or timezone.now()
    soon = Q(priority__isnull=True, sla_started_at__lt=now + window - sla_target(None))
    for priority in Priority.values:
        soon |= Q(priority=priority, sla_started_at__lt=now + window - sla_target(priority))
    return Q(status__in=WAITING) & soon & ~overdue_q(now)


@dataclass(frozen=True)
class SlaState:
    """Where one ticket stands against its target; `None` from `sla_state` when no clock runs."""

    due: datetime
    remaining: timedelta  # negative once overdue

    @property
    def overdue(self) -> bool:
        return self.remaining < timedelta(0)


def sla_state(ticket: Ticket, now: datetime | None = None) -> SlaState | None:
    if ticket.status not in WAITING or ticket.sla_started_at is None:
        return None
    due = ticket.sla_started_at + sla_target(ticket.priority)
    return SlaState(due=due, remaining=due - (now or timezone.now()))


def sla_breached_at(ticket: Ticket, answered_at: datetime) -> bool:
    """True when a response at `answered_at` came after the ticket's target."""
    if ticket.sla_started_at is None:
        return False
    return answered_at > ticket.sla_started_at + sla_target(ticket.priority)
