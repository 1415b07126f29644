"""Triaging existing tickets again with the current (or a chosen) engine and prompt."""

from dataclasses import dataclass

from tickets.models import Status, Ticket
from tickets.services.decisions import triage_apply
from tickets.services.proposals import triage_propose


@dataclass(frozen=True)
class Retriage:
    ticket_id: object
    subject: str = ""
    skipped: str = ""
    failed: bool = False
    applied: bool = False
    intent_before: str | None = None
    intent_after: str | None = None
    priority_before: str | None = None
    priority_after: str | None = None
    status_before: str = ""
    status_after: str = ""
    rule_after: str = ""

    @property
    def changed_intent(self) -> bool:
        return not self.skipped and self.intent_before != self.intent_after

    @property
    def changed_priority(self) -> bool:
        return not self.skipped and self.priority_before != self.priority_after

    @property
    def changed(self) -> bool:
        return (
            self.changed_intent
            or self.changed_priority
            or (not self.skipped and self.status_before != self.status_after)
        )

    @property
    def summary(self) -> str:
        if self.skipped:
            return f"skipped: {self.skipped}"
        return (
            f"{self.status_before} -> {self.status_after}; intent {self.intent_before} -> "
            f"{self.intent_after}; priority {self.priority_before} -> {self.priority_after}"
            + ("" if self.applied else " (not applied)")
        )


def ticket_retriage(
    *, ticket_id, engine_name: str | None = None, prompt_version: str | None = None, dry_run: bool = False
) -> Retriage:
    """Triage one ticket again. Human decisions, tickets still in triage and tickets whose
    answer was emailed are left alone.

    With dry_run nothing is written: the result says what would change.
    """
    ticket = Ticket.objects.get(pk=ticket_id)
    if ticket.is_decided_by_human:
        return Retriage(ticket.pk, ticket.subject, skipped="decided by a human")
    if ticket.status in (Status.NEW, Status.TRIAGING):
        return Retriage(ticket.pk, ticket.subject, skipped="still in triage")
    if ticket.answer_sent_at is not None:
        # The customer has the answer: moving the ticket would withdraw it from their page
        # and mail a second one. A reply or "this did not solve it" brings it back instead.
        return Retriage(ticket.pk, ticket.subject, skipped="already answered")
    proposal = triage_propose(ticket=ticket, engine_name=engine_name, prompt_version=prompt_version)
    current = ticket.decisions.filter(applied=True).order_by("-created_at", "-id").first()
    if proposal.fingerprint and current and current.input_hash == proposal.fingerprint:
        # Already decided with this engine, model, prompt and text: what makes a
        # second run after an interruption cheap and harmless.
        return Retriage(ticket.pk, ticket.subject, skipped="already triaged with this engine and prompt")
    decision = proposal.run.final.decision
    applied = False
    if not dry_run:
        applied = triage_apply(ticket_id=ticket.pk, proposal=proposal).applied
    return Retriage(
        ticket.pk,
        ticket.subject,
        failed=decision is None,
        applied=applied,
        intent_before=ticket.intent,
        intent_after=decision.intent if decision else ticket.intent,
        priority_before=ticket.priority,
        priority_after=proposal.routing.priority or ticket.priority,
        status_before=ticket.status,
        status_after=proposal.routing.status,
        rule_after=proposal.routing.rule,
    )
