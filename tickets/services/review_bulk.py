"""Review in bulk from the admin queue: one action on many tickets, each exactly as a
single review (tickets.services.review), with what bulk may never do refused up front."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from tickets.models import Priority, Ticket
from tickets.services.approval import approve_refusal, foreign_language_note
from tickets.services.errors import Conflict, InvalidAction
from tickets.services.review import review_act


def review_bulk_refusal(*, ticket: Ticket, action: str) -> str:
    """Why `action` may not be applied to `ticket` in bulk ("" when it may).

    Approving in bulk sends replies nobody read one by one, so tickets a guard fired
    on, of high priority, or that a written answer does not resolve each need their own
    review page.
    """
    if action != "approve":
        return ""
    if ticket.guards:
        return f"guard {', '.join(ticket.guards)} fired"
    if ticket.priority == Priority.HIGH:
        return "high priority"
    if ticket.resolvable is False:
        # Found trying the product: "How do I change the email address of my account?" (an
        # identity check first) was listed to be resolved with a password-reset reply.
        return "the AI judged that a written answer does not resolve it"
    if foreign := foreign_language_note(ticket):
        return foreign  # found trying the product: a Portuguese customer got the English text
    # What a single approve of the unedited suggestion would refuse, said before confirming.
    return approve_refusal(ticket, ticket.suggestion.strip()).removeprefix("answer: ")


@dataclass
class BulkOutcome:
    done: list[Ticket] = field(default_factory=list)
    # (ticket, why): refused by the bulk rule above or by the review itself.
    refused: list[tuple[Ticket, str]] = field(default_factory=list)


def review_bulk(
    *, tickets: Iterable[Ticket], actor, action: str, versions: dict[str, int] | None = None
) -> BulkOutcome:
    """Apply one action ticket by ticket, each exactly as a single review (same checks, same audit event).

    `versions` maps ticket id (as a string) to the version the agent confirmed; a ticket
    changed since then is refused, like a stale single review. Refusals never stop the rest.
    """
    outcome = BulkOutcome()
    for ticket in tickets:
        reason = review_bulk_refusal(ticket=ticket, action=action)
        if reason:
            outcome.refused.append((ticket, reason))
            continue
        version = (versions or {}).get(str(ticket.pk), ticket.version)
        try:
            outcome.done.append(review_act(ticket_id=ticket.pk, actor=actor, action=action, version=version))
        except (Conflict, InvalidAction) as exc:
            outcome.refused.append((ticket, str(exc)))
    return outcome
