"""Re-evaluating existing tickets with the current (or a chosen) engine and prompt."""

from dataclasses import dataclass

from tickets.models import Status, Ticket
from tickets.services.evaluation import evaluation_apply, evaluation_compute


@dataclass(frozen=True)
class Reevaluation:
    ticket_id: object
    skipped: str = ""
    failed: bool = False
    applied: bool = False
    intent_before: str | None = None
    intent_after: str | None = None
    priority_before: str | None = None
    priority_after: str | None = None
    status_before: str = ""
    status_after: str = ""

    @property
    def changed_intent(self) -> bool:
        return not self.skipped and self.intent_before != self.intent_after

    @property
    def changed_priority(self) -> bool:
        return not self.skipped and self.priority_before != self.priority_after

    @property
    def summary(self) -> str:
        if self.skipped:
            return f"skipped: {self.skipped}"
        return (
            f"{self.status_before} -> {self.status_after}; intent {self.intent_before} -> "
            f"{self.intent_after}; priority {self.priority_before} -> {self.priority_after}"
            + ("" if self.applied else " (not applied)")
        )


def ticket_reevaluate(
    *, ticket_id, engine_name: str | None = None, prompt_version: str | None = None, dry_run: bool = False
) -> Reevaluation:
    """Evaluate one ticket again. Human decisions and tickets still in triage are left alone.

    With dry_run nothing is written: the result says what would change.
    """
    ticket = Ticket.objects.get(pk=ticket_id)
    if ticket.is_decided_by_human:
        return Reevaluation(ticket.pk, skipped="decided by a human")
    if ticket.status in (Status.NEW, Status.TRIAGING):
        return Reevaluation(ticket.pk, skipped="still in triage")
    evaluation = evaluation_compute(ticket=ticket, engine_name=engine_name, prompt_version=prompt_version)
    current = ticket.decisions.filter(applied=True).order_by("-created_at", "-id").first()
    if evaluation.fingerprint and current and current.input_hash == evaluation.fingerprint:
        # Already decided with this engine, model, prompt and text: what makes a
        # second run after an interruption cheap and harmless.
        return Reevaluation(ticket.pk, skipped="already evaluated with this engine and prompt")
    decision = evaluation.run.final.decision
    after = {
        "intent": decision.intent if decision else ticket.intent,
        "priority": decision.priority if decision else ticket.priority,
        "status": evaluation.routing.status,
    }
    applied = False
    if not dry_run:
        applied = evaluation_apply(ticket_id=ticket.pk, evaluation=evaluation).applied
    return Reevaluation(
        ticket.pk,
        failed=decision is None,
        applied=applied,
        intent_before=ticket.intent,
        intent_after=after["intent"],
        priority_before=ticket.priority,
        priority_after=after["priority"],
        status_before=ticket.status,
        status_after=after["status"],
    )
