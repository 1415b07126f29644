"""Reusable read queries."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Upper
from django.utils import timezone

from ai_engine import PolicyText, secrets_mask
from tickets.models import Decision, Message, Policy, Status, Ticket


def of_customer(tickets: QuerySet, email: str) -> QuerySet:
    """`tickets` from `email`, in any case ("Ana@Example.com" wrote ana@example.com's tickets).

    Both sides go through the database's UPPER, so the expression index
    `ticket_customer_ci_idx` serves it on PostgreSQL and SQLite alike.
    """
    return tickets.alias(customer_key=Upper("customer_email")).filter(customer_key=Upper(Value(email)))


def policy_texts() -> list[PolicyText]:
    """Active policies as plain values for the engine, in a stable order."""
    return [
        PolicyText(
            p.key,
            p.title,
            p.text,
            tuple(p.intents),
            {
                lang: (t.get("title", p.title), t["text"])
                for lang, t in sorted((p.translations or {}).items())
            },
        )
        for p in Policy.objects.filter(active=True).order_by("key")
    ]


def decision_reusable(fingerprint: str) -> Decision | None:
    """The first final decision made for identical input, if any."""
    return (
        # Only final results carry a routing rule; an escalated cascade step is no answer.
        Decision.objects.filter(input_hash=fingerprint, output__isnull=False)
        .exclude(routing_rule="")
        .order_by("created_at", "id")
        .first()
    )


def decisions_reusable(fingerprints: list[str]) -> dict[str, Decision]:
    """`decision_reusable` for many fingerprints in one query: fingerprint -> first decision."""
    found: dict[str, Decision] = {}
    decisions = (
        Decision.objects.filter(input_hash__in=fingerprints, output__isnull=False)
        .exclude(routing_rule="")
        .order_by("created_at", "id")
    )
    for decision in decisions:
        found.setdefault(decision.input_hash, decision)
    return found


def prompt_edited_since_use(*, version: str, sha256: str) -> bool:
    """True when decisions used prompt `version` with a different text.

    Each process remembers when it last found the log clean for a (version, text), and
    then reads only the decisions made since (an index range), not the whole log.
    """
    key = (version, sha256)
    now = timezone.now()
    checked_at = _prompt_checked_at.get(key)
    decisions = Decision.objects.filter(prompt_version=version)
    if checked_at is not None:
        # A decision is stamped when written and committed moments later; the margin
        # also covers clocks of other hosts running a little behind.
        decisions = decisions.filter(created_at__gte=checked_at - PROMPT_CHECK_MARGIN)
    if decisions.exclude(prompt_hash=sha256).exists():
        return True
    _prompt_checked_at[key] = now
    return False


PROMPT_CHECK_MARGIN = timedelta(seconds=60)
_prompt_checked_at: dict[tuple[str, str], object] = {}


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


def reviewed_labels():
    """Each human-reviewed ticket as a labelled row (id, subject, body, intent, priority,
    resolvable), secrets masked: these rows leave the database, into export files and the
    model's vocabulary, and a card number a customer pasted must not go with them."""
    for ticket in reviewed_tickets().iterator():
        yield {
            "id": str(ticket.pk),
            "subject": secrets_mask(ticket.subject),
            "body": secrets_mask(ticket.body),
            "intent": ticket.intent,
            "priority": ticket.priority,
            "resolvable": ticket.resolvable,
        }


def tickets_stuck() -> dict[str, list]:
    """Ids of tickets whose background work should have finished by now."""
    now = timezone.now()
    new_cutoff = now - timedelta(seconds=settings.SWEEP_NEW_AFTER_SECONDS)
    stale = now - timedelta(seconds=settings.TRIAGE_STALE_SECONDS)
    triage = Ticket.objects.filter(
        Q(status=Status.NEW, created_at__lt=new_cutoff) | Q(status=Status.TRIAGING, claimed_at__lt=stale)
    ).values_list("pk", flat=True)
    unanswered = (
        Ticket.objects.filter(
            status__in=[Status.AUTO_RESOLVED, Status.RESOLVED],
            answer_sent_at__isnull=True,
            answer_attempts__lt=settings.ANSWER_EMAIL_MAX_ATTEMPTS,
            updated_at__lt=new_cutoff,
        )
        .exclude(resolution="")
        .values_list("pk", flat=True)
    )
    return {"triage": list(triage[:1000]), "answers": list(unanswered[:1000])}


def answer_latest(ticket: Ticket) -> Message | None:
    """The last answer the customer was sent (agent or automatic reply), if any."""
    return ticket.messages.filter(kind__in=Message.ANSWER_KINDS).order_by("-created_at", "-id").first()


def answer_rejected(ticket: Ticket) -> str | None:
    """The text of the last answer, if the customer said it did not solve their problem."""
    latest = answer_latest(ticket)
    return latest.body if latest is not None and latest.outcome == Message.Outcome.REOPENED else None


def conversation_for_customer(ticket: Ticket) -> list[Message]:
    """What the customer wrote and was sent, oldest first: never the internal notes."""
    return list(ticket.messages.exclude(kind=Message.Kind.INTERNAL_NOTE).order_by("created_at", "id"))


def conversation_for_staff(ticket: Ticket) -> list[Message]:
    """The whole conversation, internal notes included, oldest first."""
    return list(ticket.messages.select_related("author").order_by("created_at", "id"))
