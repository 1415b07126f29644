"""What an AI decision does to a ticket: apply a computed proposal
(tickets.services.proposals), or compute and apply one on a staff member's request.

Only the short write at the end is a transaction, and it applies the decision only if
the ticket is still in the state the caller saw.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from ai_engine import EngineError, EngineResult
from tickets import metrics
from tickets.models import DecidedBy, Decision, Status, Ticket
from tickets.routing import RoutingOutcome
from tickets.services.decision_log import decision_record, triage_audit
from tickets.services.engine import engine_get
from tickets.services.errors import Conflict, InvalidAction
from tickets.services.proposals import TriageProposal, triage_propose
from tickets.signals import ticket_answered, ticket_awaiting_human


@dataclass(frozen=True)
class TriageOutcome:
    ticket: Ticket
    decision: Decision
    routing: RoutingOutcome
    applied: bool


def triage_run(
    *,
    ticket_id,
    engine_name: str | None = None,
    prompt_version: str | None = None,
    force: bool = False,
    actor=None,
) -> TriageOutcome:
    """Triage a ticket now, on a staff member's request, and apply the outcome.

    Raises Conflict when a human has decided the ticket (their decision stands); the
    AI decision is still logged, so agents can compare.
    """
    ticket = Ticket.objects.get(pk=ticket_id)
    engine_usable(engine_name=engine_name, prompt_version=prompt_version)
    proposal = triage_propose(
        ticket=ticket, engine_name=engine_name, prompt_version=prompt_version, force=force
    )
    outcome = triage_apply(ticket_id=ticket_id, proposal=proposal, actor=actor)
    if not outcome.applied:
        why = outcome.decision.routing_outcome.removeprefix("not applied: ")
        raise Conflict(f"The AI decision was recorded but not applied: {why}.", outcome.ticket)
    return outcome


def engine_usable(*, engine_name: str | None = None, prompt_version: str | None = None) -> None:
    """Raise InvalidAction when the engine cannot run at all (no API key, no model file,
    an edited prompt). A staff member asked for this engine: their request is refused and
    the ticket stays as it is, instead of an answered ticket going back to the queue with
    rule engine_failed. The background task still routes such tickets to review."""
    try:
        engine_get(engine_name=engine_name, prompt_version=prompt_version)
    except EngineError as exc:
        raise InvalidAction(f"engine {engine_name or 'default'}: {exc}; nothing was changed.") from exc


def triage_apply(
    *, ticket_id, proposal: TriageProposal, claimed_version: int | None = None, actor=None
) -> TriageOutcome:
    """Log every engine call of `proposal` and apply its routing, unless a human decided.

    With `claimed_version` (the background task) the decision is applied only if the
    ticket is still in the state the task claimed.
    """
    metrics.engine_results_observed(proposal.run.results, reused=proposal.reused_from is not None)
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket_id)
        for result in proposal.run.results[:-1]:
            decision_record(ticket, result, proposal, routing_outcome="escalated to the next engine")
        final = proposal.run.final
        skip = _why_not_apply(ticket, claimed_version)
        if skip:
            decision = decision_record(ticket, final, proposal, routing_outcome=f"not applied: {skip}")
            return TriageOutcome(ticket, decision, proposal.routing, applied=False)
        decision = decision_record(
            ticket, final, proposal, routing_outcome=proposal.routing.status, applied=True
        )
        before = ticket.status
        _write(ticket, final, proposal)
        triage_audit(ticket, decision, proposal.routing, before, actor)
        if proposal.routing.auto_resolved:
            ticket_answered.send(sender=Ticket, ticket_id=ticket.pk)
        elif before in (Status.NEW, Status.TRIAGING):
            ticket_awaiting_human.send(sender=Ticket, ticket_id=ticket.pk)
    metrics.ticket_routed(status=proposal.routing.status, rule=proposal.routing.rule)
    return TriageOutcome(ticket, decision, proposal.routing, applied=True)


def _why_not_apply(ticket: Ticket, claimed_version: int | None) -> str:
    if ticket.is_decided_by_human:
        return "a human has decided this ticket"
    if claimed_version is not None and (
        ticket.status != Status.TRIAGING or ticket.version != claimed_version
    ):
        return "the ticket changed while the engine was running"
    return ""


def _write(ticket: Ticket, result: EngineResult, proposal: TriageProposal) -> None:
    """Store the routing on the locked row, and on `ticket` as written (no second read)."""
    routing = proposal.routing
    fields = {
        "status": routing.status,
        "routing_rule": routing.rule,
        "routing_reason": routing.reason,
        "guards": list(routing.guards),
        "language": proposal.screening.language,
        "engine": result.engine,
        "claimed_at": None,
        "resolution": "",
        "decided_by": "",
        # The row is locked and filtered on this version: the next one is known.
        "version": ticket.version + 1,
        "updated_at": timezone.now(),
    }
    decision = result.decision
    if decision:
        fields |= {
            "intent": decision.intent,
            "priority": routing.priority,
            "confidence": routing.confidence,
            "resolvable": decision.resolvable,
            "suggestion": decision.suggestion,
            "policy_keys": list(decision.policy_ids),
        }
    if routing.auto_resolved:
        fields |= {"resolution": decision.suggestion, "decided_by": DecidedBy.AI}
    updated = (
        Ticket.objects.filter(pk=ticket.pk, version=ticket.version)
        .exclude(decided_by=DecidedBy.HUMAN)
        .update(**fields)
    )
    if not updated:  # impossible under the row lock; refuse loudly rather than guess
        raise Conflict("The ticket changed while the decision was being applied.", ticket)
    for name, value in fields.items():
        setattr(ticket, name, value)
