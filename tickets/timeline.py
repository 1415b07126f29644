"""A ticket's history as entries for templates: data only, the words live in the templates.

Used by the admin pages (timeline, "who changed what" after a refused review) and by
anything else that shows a ticket's history to a person.
"""

from dataclasses import dataclass, field
from datetime import datetime

from tickets.models import AuditEvent, Ticket
from tickets.rules import Rule

# Fields a review entry names when they changed; the rest (status, routing) the verb says.
REVIEW_FIELDS = ("intent", "priority")


@dataclass
class Entry:
    event: AuditEvent
    who: str
    # routed: the rule, and the guard's name for "guard:<name>".
    rule: str = ""
    guard: str = ""
    # review: [(field, before, after)] of REVIEW_FIELDS; the reply's fate after approve/override.
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    reply: str = ""  # "sent", "failed", "pending" or "" when the action sends nothing

    @property
    def kind(self) -> str:
        return self.event.kind

    @property
    def when(self) -> datetime:
        return self.event.created_at


def timeline_entries(ticket: Ticket, *, since: datetime | None = None) -> list[Entry]:
    """Every event of the ticket, oldest first (only those after `since` when given)."""
    events = list(ticket.events.select_related("actor").order_by("created_at", "id"))
    entries = [_entry(event) for event in events]
    _attach_reply_outcomes(entries)
    if not any(e.kind == AuditEvent.Kind.CREATED for e in entries):
        # Submissions from before every submission was audited: the ticket records it.
        created = AuditEvent(ticket=ticket, kind=AuditEvent.Kind.CREATED, created_at=ticket.created_at)
        entries.insert(0, Entry(created, who=ticket.customer_email))
    if since is not None:
        entries = [e for e in entries if e.when > since]
    return entries


def _entry(event: AuditEvent) -> Entry:
    who = event.actor.get_username() if event.actor else ""
    entry = Entry(event, who=who or ("customer" if event.kind == AuditEvent.Kind.CREATED else "system"))
    if event.kind == AuditEvent.Kind.ROUTED:
        rule, _, guard = event.action.partition(":")
        entry.rule, entry.guard = rule, guard if rule == Rule.GUARD else ""
    if event.kind == AuditEvent.Kind.REVIEW:
        entry.changes = [
            (name, change[0] or "-", change[1] or "-")
            for name, change in event.changes.items()
            if name in REVIEW_FIELDS and isinstance(change, list) and len(change) == 2
        ]
        if event.action in ("approve", "override"):
            entry.reply = "pending"
    return entry


def _attach_reply_outcomes(entries: list[Entry]) -> None:
    """Tell each approve/override whether the reply it sent reached the customer."""
    waiting: Entry | None = None
    for entry in entries:
        if entry.kind == AuditEvent.Kind.REVIEW:
            waiting = entry if entry.reply else None
        elif waiting is not None and entry.kind == AuditEvent.Kind.ANSWER_SENT:
            waiting.reply, waiting = "sent", None
        elif waiting is not None and entry.kind == AuditEvent.Kind.ANSWER_FAILED:
            waiting.reply = "failed"  # a later attempt may still send it
