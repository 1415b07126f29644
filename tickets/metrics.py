"""Domain metrics for Prometheus, beside django-prometheus's request metrics.

Counters and histograms are counted in the process where things happen (web or worker);
with PROMETHEUS_MULTIPROC_DIR set, prometheus_client keeps each process's figures in that
directory and /metrics adds them up. Figures that describe the database as it is now
(backlog, oldest waiting ticket, overdue tickets) are read at scrape time by
`QueueCollector`, once, by the process answering the scrape.

Label values are bounded: engines, rules, priorities and sources are small vocabularies;
engine error messages are reduced to a kind.
"""

from django.db.models import Count, Min
from django.utils import timezone
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily

TICKETS_CREATED = Counter("supportdesk_tickets_created", "Tickets submitted.", ["source"])
TICKETS_ROUTED = Counter(
    "supportdesk_tickets_routed",
    "Tickets sent somewhere by a rule: triage, the sweeper giving up, or the customer.",
    ["outcome", "rule"],
)
ENGINE_LATENCY = Histogram(
    "supportdesk_engine_latency_seconds",
    "Time of one engine call (stored decisions reused for identical input are not counted).",
    ["engine"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80),
)
ENGINE_FAILURES = Counter(
    "supportdesk_engine_failures", "Engine calls that gave no valid decision.", ["engine", "kind"]
)
TICKETS_REOPENED = Counter(
    "supportdesk_tickets_reopened",
    "Answers the customer rejected (a reply or 'this did not solve it').",
    ["answered_by"],
)
SLA_BREACHES = Counter(
    "supportdesk_sla_breaches", "Responses sent after the ticket's response-time target.", ["priority"]
)
EMAILS_FAILED = Counter("supportdesk_emails_failed", "Emails the mail server did not accept.", ["email"])

# Engine errors start with their kind ("timeout: ...", "schema: ..."); anything else is "other".
FAILURE_KINDS = (
    "timeout",
    "connection",
    "http",
    "truncated",
    "content_filter",
    "schema",
    "refusal",
    "empty",
    "error",
)


def failure_kind(error: str) -> str:
    head = error.split(":", 1)[0].strip().lower()
    if head == "engine crashed":
        return "crash"
    word = head.split(" ", 1)[0]  # "http 503" -> "http"
    return word if word in FAILURE_KINDS else "other"


def ticket_created(source: str) -> None:
    TICKETS_CREATED.labels(source=source or "unknown").inc()


def ticket_routed(*, status: str, rule: str) -> None:
    TICKETS_ROUTED.labels(outcome=status, rule=rule).inc()


def engine_results_observed(results, *, reused: bool) -> None:
    """One triage's engine calls: latency of each call made, failures by kind."""
    for result in results:
        if not reused:
            ENGINE_LATENCY.labels(engine=result.engine).observe(result.latency_ms / 1000)
        if result.decision is None:
            ENGINE_FAILURES.labels(engine=result.engine, kind=failure_kind(result.error)).inc()


def answer_reopened(*, answered_by: str) -> None:
    TICKETS_REOPENED.labels(answered_by=answered_by).inc()


def sla_breached(*, priority: str | None) -> None:
    SLA_BREACHES.labels(priority=priority or "none").inc()


def email_failed(email: str) -> None:
    EMAILS_FAILED.labels(email=email).inc()


class QueueCollector:
    """The review backlog and response targets, read from the database at each scrape."""

    def collect(self):
        # Imported here: this module is imported by services, models are ready by scrape time.
        from tickets.models import Status, Ticket
        from tickets.sla import WAITING, overdue_q

        now = timezone.now()
        backlog = GaugeMetricFamily(
            "supportdesk_review_backlog_tickets", "Tickets awaiting review.", labels=["priority"]
        )
        waiting = Ticket.objects.filter(status=Status.AWAITING_REVIEW)
        for row in waiting.values("priority").annotate(n=Count("pk")).order_by():
            backlog.add_metric([row["priority"] or "none"], row["n"])
        yield backlog

        oldest = Ticket.objects.filter(status__in=WAITING).aggregate(first=Min("sla_started_at"))["first"]
        yield GaugeMetricFamily(
            "supportdesk_review_backlog_oldest_age_seconds",
            "How long the longest-waiting customer has waited for a response (0 when nobody waits).",
            value=(now - oldest).total_seconds() if oldest else 0.0,
        )

        overdue = GaugeMetricFamily(
            "supportdesk_sla_overdue_tickets",
            "Waiting tickets past their response-time target now.",
            labels=["priority"],
        )
        late = Ticket.objects.filter(overdue_q(now))
        for row in late.values("priority").annotate(n=Count("pk")).order_by():
            overdue.add_metric([row["priority"] or "none"], row["n"])
        yield overdue


# Scrape-time figures live in their own registry: they are computed once per scrape by the
# answering process, never summed across processes.
QUEUE_REGISTRY = CollectorRegistry(auto_describe=False)
QUEUE_REGISTRY.register(QueueCollector())
