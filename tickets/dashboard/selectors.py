"""The dashboard's numbers: one aggregate query per chart, each a small table.

Every chart is drawn from one of these tables, and the same table is shown under the
chart and offered as CSV, so what the picture says can always be checked. Queries
group in the database (by day, week, bucket, intent) and return a few dozen rows,
whatever the number of tickets; `bench/dashboard.py` measures them at 100,000.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import connection
from django.db.models import Case, CharField, Count, F, IntegerField, Min, Q, Sum, Value, When
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce, Floor, Least, Substr, TruncDate
from django.utils import timezone

from tickets.models import AuditEvent, Intent, Message, Priority, Status, Ticket
from tickets.rules import Rule
from tickets.sla import WAITING, overdue_q

DAYS = 30
WEEKS = 12
# Agreement and reliability need enough reviews to mean something: a longer window.
REVIEW_WINDOW_DAYS = 180
BACKLOG_AGES = (
    ("under 1 h", timedelta(hours=1)),
    ("1-8 h", timedelta(hours=8)),
    ("8-24 h", timedelta(hours=24)),
    ("1-3 days", timedelta(days=3)),
    ("over 3 days", None),
)
PRIORITY_COLUMNS = (*reversed(Priority.values), "unclassified")  # high, medium, low, unclassified
JUDGED = ("approve", "override")  # review actions that say whether the AI was right
# Rules set by people, not by triage: not part of the auto-resolution rate's denominator.
NOT_TRIAGE = (Rule.CUSTOMER_REPLIED, Rule.CUSTOMER_REOPENED, Rule.REQUEUED)


@dataclass(frozen=True)
class Table:
    key: str  # the CSV's name and the chart's id
    columns: tuple[str, ...]
    rows: list[tuple]


@dataclass(frozen=True)
class Summary:
    backlog: int
    # When the longest-waiting customer started waiting (None: nobody waits).
    oldest_started: datetime | None
    overdue: int
    created: int
    auto_resolved: int
    reopened: int


def dashboard_summary(now: datetime | None = None) -> Summary:
    now = now or timezone.now()
    since = now - timedelta(days=DAYS)
    waiting = Ticket.objects.filter(status__in=WAITING).aggregate(
        backlog=Count("pk", filter=Q(status=Status.AWAITING_REVIEW)), first=Min("sla_started_at")
    )
    events = AuditEvent.objects.filter(created_at__gte=since)
    return Summary(
        backlog=waiting["backlog"],
        oldest_started=waiting["first"],
        overdue=Ticket.objects.filter(overdue_q(now)).count(),
        created=Ticket.objects.filter(created_at__gte=since).count(),
        auto_resolved=events.filter(kind=AuditEvent.Kind.ROUTED, action=Rule.AUTO_RESOLVE).count(),
        reopened=events.filter(kind=AuditEvent.Kind.OUTCOME, action=Message.Outcome.REOPENED).count(),
    )


def daily_outcomes(now: datetime | None = None, days: int = DAYS) -> Table:
    """Per day: tickets auto-resolved, reviewed by an agent, and reopened by the customer."""
    now = now or timezone.now()
    first = now.date() - timedelta(days=days - 1)
    events = AuditEvent.objects.filter(created_at__gte=_midnight(first, now))
    series = {
        "auto_resolved": events.filter(kind=AuditEvent.Kind.ROUTED, action=Rule.AUTO_RESOLVE),
        "reviewed": events.filter(kind=AuditEvent.Kind.REVIEW, action__in=[*JUDGED, "spam"]),
        "reopened": events.filter(kind=AuditEvent.Kind.OUTCOME, action=Message.Outcome.REOPENED),
    }
    counts = {name: {row["day"]: row["n"] for row in _per_day(rows)} for name, rows in series.items()}
    columns = ("day", *series)
    rows = []
    for offset in range(days):
        day = (first + timedelta(days=offset)).isoformat()
        rows.append((day, *(counts[name].get(day, 0) for name in series)))
    return Table("daily-outcomes", columns, rows)


def backlog_by_age(now: datetime | None = None) -> Table:
    """Tickets awaiting review, by how long the customer has waited and by priority."""
    now = now or timezone.now()
    whens = [
        When(sla_started_at__gte=now - age, then=Value(index))
        for index, (_, age) in enumerate(BACKLOG_AGES)
        if age is not None
    ]
    bucket = Case(*whens, default=Value(len(BACKLOG_AGES) - 1), output_field=IntegerField())
    counted = (
        Ticket.objects.filter(status=Status.AWAITING_REVIEW)
        .annotate(bucket=bucket)
        .values("bucket", "priority")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {(row["bucket"], row["priority"] or "unclassified"): row["n"] for row in counted}
    rows = [
        (label, *(counts.get((index, priority), 0) for priority in PRIORITY_COLUMNS))
        for index, (label, _) in enumerate(BACKLOG_AGES)
    ]
    return Table("backlog", ("waiting", *PRIORITY_COLUMNS), rows)


def weekly_rates(now: datetime | None = None, weeks: int = WEEKS) -> Table:
    """Per week: the share of triaged tickets auto-resolved, and what customers did with answers.

    Rates are of answers sent that week; answers still awaiting a verdict count in the
    denominator, so the latest weeks rise as customers respond.
    """
    now = now or timezone.now()
    first = now.date() - timedelta(days=now.weekday(), weeks=weeks - 1)  # a Monday
    start = _midnight(first, now)

    def week_of(day: str) -> int:
        return (date.fromisoformat(day) - first).days // 7

    triaged: dict[int, list[int]] = {}
    routed = (
        AuditEvent.objects.filter(kind=AuditEvent.Kind.ROUTED, created_at__gte=start)
        .exclude(action__in=NOT_TRIAGE)
        .annotate(auto=Case(When(action=Rule.AUTO_RESOLVE, then=Value(1)), default=Value(0)))
    )
    for row in _per_day(routed, "auto"):
        totals = triaged.setdefault(week_of(row["day"]), [0, 0])
        totals[0] += row["n"]
        totals[1] += row["n"] if row["auto"] else 0
    answers: dict[tuple, Counter] = {}
    sent = Message.objects.filter(kind__in=Message.ANSWER_KINDS, created_at__gte=start)
    for row in _per_day(sent, "kind", "outcome"):
        answers.setdefault((week_of(row["day"]), row["kind"]), Counter())[row["outcome"]] += row["n"]

    columns = (
        "week",
        "triaged",
        "auto_resolved",
        "auto_resolution_rate",
        "automatic_replies",
        "automatic_confirmed_rate",
        "automatic_reopened_rate",
        "agent_answers",
        "agent_confirmed_rate",
        "agent_reopened_rate",
    )
    rows = []
    for offset in range(weeks):
        total, auto = triaged.get(offset, (0, 0))
        row = [(first + timedelta(weeks=offset)).isoformat(), total, auto, _rate(auto, total)]
        for kind in (Message.Kind.AUTO_REPLY, Message.Kind.AGENT):
            outcomes = answers.get((offset, kind), Counter())
            count = outcomes.total()
            row += [
                count,
                _rate(outcomes[Message.Outcome.CONFIRMED], count),
                _rate(outcomes[Message.Outcome.REOPENED], count),
            ]
        rows.append(tuple(row))
    return Table("rates", columns, rows)


def review_judgements(now: datetime | None = None) -> list[dict]:
    """Approve/override reviews in the window, grouped by the AI's intent, the action, whether
    the agent changed the intent, and the AI's confidence in tenths: one query for both the
    agreement chart and the reliability diagrams.

    The AI's intent is the one the review changed, else the ticket's (an approve keeps it).
    """
    now = now or timezone.now()
    return list(
        AuditEvent.objects.filter(
            kind=AuditEvent.Kind.REVIEW,
            action__in=JUDGED,
            created_at__gte=now - timedelta(days=REVIEW_WINDOW_DAYS),
        )
        .annotate(
            ai_intent=Coalesce(KT("changes__intent__0"), F("ticket__intent"), output_field=CharField()),
            changed=Case(When(changes__has_key="intent", then=Value(1)), default=Value(0)),
            bin=Least(Floor(F("ticket__confidence") * 10), Value(9.0)),
        )
        .exclude(ai_intent__isnull=True)
        .exclude(ai_intent="")
        .values("ai_intent", "action", "changed", "bin")
        .annotate(n=Count("pk"), confidence=Sum("ticket__confidence"))
        .order_by()
    )


def agreement_by_intent(now: datetime | None = None, judgements: list[dict] | None = None) -> Table:
    """Per AI intent: how often agents approved the AI's answer or overrode it."""
    judgements = review_judgements(now) if judgements is None else judgements
    counts: dict[str, Counter] = {}
    for row in judgements:
        tally = counts.setdefault(row["ai_intent"], Counter())
        tally[row["action"]] += row["n"]
        tally["intent_changed"] += row["n"] if row["changed"] else 0
    rows = []
    for intent in Intent.values:
        tally = counts.get(intent)
        if tally:
            reviews = tally["approve"] + tally["override"]
            rows.append(
                (
                    intent,
                    reviews,
                    tally["approve"],
                    tally["override"],
                    _rate(tally["override"], reviews),
                    tally["intent_changed"],
                )
            )
    columns = ("ai_intent", "reviews", "approved", "overridden", "override_rate", "intent_changed")
    return Table("agreement", columns, rows)


def reliability_by_intent(now: datetime | None = None, judgements: list[dict] | None = None) -> Table:
    """Per AI intent and confidence tenth: mean confidence against how often the AI was right.

    "Right" is an agent keeping the AI's intent (approve, or override with the same
    intent). A calibrated engine's points lie on the diagonal; points under it mean its
    confidence, and the thresholds that rely on it, promise more than it delivers.
    """
    judgements = review_judgements(now) if judgements is None else judgements
    bins: dict[tuple, list[float]] = {}
    for row in judgements:
        if row["bin"] is None:
            continue
        tally = bins.setdefault((row["ai_intent"], int(row["bin"])), [0, 0, 0.0])
        tally[0] += row["n"]
        tally[1] += 0 if row["changed"] else row["n"]
        tally[2] += row["confidence"]
    rows = []
    for (intent, tenth), (n, right, confidence) in sorted(bins.items()):
        accuracy, mean = right / n, confidence / n
        low = tenth / 10
        rows.append(
            (
                intent,
                f"{low:.1f}-{low + 0.1:.1f}",
                n,
                round(mean, 3),
                round(accuracy, 3),
                round(accuracy - mean, 3),
            )
        )
    columns = ("ai_intent", "confidence", "reviews", "mean_confidence", "observed_accuracy", "gap")
    return Table("reliability", columns, rows)


def _per_day(queryset, *fields) -> list[dict]:
    """Counts per UTC day ("YYYY-MM-DD") and `fields`, grouped in the database."""
    rows = queryset.annotate(day=_utc_day()).values("day", *fields).annotate(n=Count("pk")).order_by()
    return [row | {"day": str(row["day"])} for row in rows]


def _utc_day():
    """The UTC day of `created_at`, by the cheapest native means of each database.

    SQLite's TruncDate calls back into Python for every row (seconds at 100,000 tickets),
    while the stored text starts with the UTC date; PostgreSQL truncates natively, and
    casting its timestamps to text instead costs more per row (bench/dashboard.py).
    """
    if connection.vendor == "sqlite":
        return Substr(Cast("created_at", CharField()), 1, 10)
    return TruncDate("created_at")


def _midnight(day: date, now: datetime) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=now.tzinfo)


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


TABLES = {
    "daily-outcomes": daily_outcomes,
    "backlog": backlog_by_age,
    "rates": weekly_rates,
    "agreement": agreement_by_intent,
    "reliability": reliability_by_intent,
}
