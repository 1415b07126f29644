"""A plausible history of tickets for the dashboard: page tests, the README's screenshots and
`bench/dashboard.py` (100,000 tickets) use it.

Rows are written in bulk, with their original times: what a few months of a help desk
leaves in the tables the dashboard reads (tickets, messages, audit events).
"""

import random
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.utils import timezone

from tickets.models import AuditEvent, Message, Ticket

INTENTS = ("billing", "technical_issue", "account", "general_question")
BATCH = 2000


@contextmanager
def original_times():
    """Let bulk inserts keep the `created_at` they are given (auto_now_add would overwrite it)."""
    fields = [Ticket._meta.get_field("created_at"), AuditEvent._meta.get_field("created_at")]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field in fields:
            field.auto_now_add = True


def seed_history(count: int, *, days: int = 90, now: datetime | None = None, seed: int = 7) -> dict:
    """`count` tickets over the last `days` days; returns how many rows of each table it wrote."""
    rng = random.Random(seed)
    now = now or timezone.now()
    written = {"tickets": 0, "messages": 0, "events": 0}
    with original_times():
        for start in range(0, count, BATCH):
            tickets, messages, events = [], [], []
            for _ in range(min(BATCH, count - start)):
                _one(rng, now, days, tickets, messages, events)
            Ticket.objects.bulk_create(tickets)
            Message.objects.bulk_create(messages)
            AuditEvent.objects.bulk_create(events)
            written["tickets"] += len(tickets)
            written["messages"] += len(messages)
            written["events"] += len(events)
    return written


def _one(rng: random.Random, now: datetime, days: int, tickets: list, messages: list, events: list) -> None:
    # More tickets lately, as a growing help desk has.
    age = timedelta(days=days * rng.random() ** 1.3)
    created = now - age
    intent = rng.choice(INTENTS)
    priority = rng.choices(("low", "medium", "high"), weights=(5, 4, 1))[0]
    # The engine is confident on most tickets, and a little over-confident on billing.
    confidence = min(0.999, max(0.05, rng.betavariate(5, 1.6)))
    right = rng.random() < confidence - (0.15 if intent == "billing" else 0.02)
    fate = rng.random()
    if age < timedelta(hours=30) and fate < 0.25:
        status = "awaiting_review"
    elif fate < 0.5 and priority != "high":
        status = "auto_resolved"
    elif fate < 0.96:
        status = "resolved"
    else:
        status = "closed"
    ticket = Ticket(
        subject=f"{intent.replace('_', ' ')} question",
        body="Generated ticket for the dashboard.",
        customer_email=f"customer{rng.randrange(20_000)}@example.com",
        access_token_hash="0" * 64,
        status=status,
        intent=intent,
        priority=priority,
        confidence=round(confidence, 3),
        decided_by={"auto_resolved": "ai", "awaiting_review": ""}.get(status, "human"),
        routing_rule="auto_resolve" if status == "auto_resolved" else "low_confidence",
        sla_started_at=created,
        created_at=created,
    )
    tickets.append(ticket)
    messages.append(
        Message(ticket=ticket, kind="customer", source="api", body=ticket.body, created_at=created)
    )
    events.append(AuditEvent(ticket=ticket, kind="created", action="api", created_at=created))
    routed_at = created + timedelta(seconds=2)
    events.append(AuditEvent(ticket=ticket, kind="routed", action=ticket.routing_rule, created_at=routed_at))
    if status == "awaiting_review":
        return
    answered_at = routed_at if status == "auto_resolved" else created + timedelta(hours=rng.uniform(0.2, 30))
    if status != "auto_resolved":
        action = "approve" if right else "override"
        changes = {} if right else {"intent": [intent, rng.choice([i for i in INTENTS if i != intent])]}
        if status == "closed":
            action, changes = "spam", {}
        events.append(
            AuditEvent(ticket=ticket, kind="review", action=action, changes=changes, created_at=answered_at)
        )
        if status == "closed":
            return
    verdict = rng.random()
    since = now - answered_at
    if verdict < 0.35:
        outcome = "confirmed"
    elif verdict < 0.35 + (0.16 if status == "auto_resolved" and not right else 0.05):
        outcome = "reopened"
    else:
        outcome = "assumed" if since > timedelta(days=7) else "pending"
    messages.append(
        Message(
            ticket=ticket,
            kind="auto_reply" if status == "auto_resolved" else "agent",
            body="Generated answer.",
            outcome=outcome,
            created_at=answered_at,
        )
    )
    if outcome != "pending":
        judged_at = min(now, answered_at + timedelta(hours=rng.uniform(1, 48)))
        events.append(AuditEvent(ticket=ticket, kind="outcome", action=outcome, created_at=judged_at))
        if outcome == "reopened" and now - judged_at < timedelta(days=2):
            # Reopened lately: back in the queue, waiting again.
            ticket.status, ticket.decided_by, ticket.routing_rule = (
                "awaiting_review",
                "human",
                "customer_reopened",
            )
            ticket.sla_started_at = judged_at
            events.append(
                AuditEvent(ticket=ticket, kind="routed", action="customer_reopened", created_at=judged_at)
            )
