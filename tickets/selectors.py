"""Reusable read queries."""

from django.db.models import QuerySet

from ai_engine.types import PolicyText
from tickets.models import Decision, Policy, Status, Ticket


def policy_texts() -> list[PolicyText]:
    """Active policies as plain values for the engine, in a stable order."""
    return [
        PolicyText(p.key, p.title, p.text, tuple(p.intents))
        for p in Policy.objects.filter(active=True).order_by("key")
    ]


def tickets_awaiting_review() -> QuerySet[Ticket]:
    """The review queue: highest priority first, then oldest first."""
    return Ticket.objects.filter(status=Status.AWAITING_REVIEW).order_by("-priority_rank", "created_at")


def decision_latest(ticket: Ticket) -> Decision | None:
    return ticket.decisions.order_by("-created_at", "-id").first()


def reviewed_tickets() -> QuerySet[Ticket]:
    """Tickets a human finished, with the human's final intent and priority."""
    return Ticket.objects.filter(
        decided_by="human",
        status__in=[Status.RESOLVED, Status.CLOSED],
        intent__isnull=False,
        priority__isnull=False,
    ).order_by("created_at")
