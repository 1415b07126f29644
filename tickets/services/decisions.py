"""What an AI decision does to a ticket: compute it (engine + routing), then apply it.

The engine call happens with no transaction open and no row locked: a model that
takes 40 seconds holds nothing another request needs. Only the short write at the
end is a transaction, and it applies the decision only if the ticket is still in
the state the caller saw.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from ai_engine import (
    Engine,
    EngineError,
    EngineResult,
    EngineRun,
    PolicyText,
    TicketText,
    TriageDecision,
    input_fingerprint,
)
from tickets import metrics
from tickets.models import DecidedBy, Decision, Status, Ticket
from tickets.routing import RoutingConfig, RoutingOutcome, route, routing_config
from tickets.screening import Screening, screen
from tickets.selectors import decision_reusable, policy_texts
from tickets.services.decision_log import decision_record, triage_audit
from tickets.services.engine import engine_get
from tickets.services.errors import Conflict, InvalidAction
from tickets.signals import ticket_answered, ticket_awaiting_human

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TriageProposal:
    """What the engine recommended and what routing would do; nothing written yet."""

    run: EngineRun
    routing: RoutingOutcome
    screening: Screening
    fingerprint: str
    reused_from: Decision | None


@dataclass(frozen=True)
class TriageOutcome:
    ticket: Ticket
    decision: Decision
    routing: RoutingOutcome
    applied: bool


@dataclass(frozen=True)
class TriagePending:
    """A ticket ready for its engine call: everything it needs from the database is read."""

    engine: Engine
    text: TicketText
    policies: list[PolicyText]
    screening: Screening
    fingerprint: str
    routing_config: RoutingConfig


def triage_propose(
    *, ticket: Ticket, engine_name: str | None = None, prompt_version: str | None = None, force: bool = False
) -> TriageProposal:
    """Ask the engine (or reuse a stored decision for identical input) and route the result."""
    try:
        engine = engine_get(engine_name=engine_name, prompt_version=prompt_version)
    except EngineError as exc:
        return triage_refused(ticket=ticket, engine_name=engine_name or "configured", error=str(exc))
    prepared = triage_prepare(ticket=ticket, engine=engine, policies=policy_texts(), force=force)
    if isinstance(prepared, TriageProposal):
        return prepared
    return triage_complete(prepared, triage_call(prepared))


def triage_refused(*, ticket: Ticket, engine_name: str, error: str) -> TriageProposal:
    """The proposal when no engine can run (not configured, prompt edited): to review."""
    screening = screen(f"{ticket.subject}\n{ticket.body}")
    valid_keys = frozenset(p.key for p in policy_texts())
    return _proposal(_failed(engine_name, error), screening, valid_keys, routing_config())


def triage_prepare(
    *, ticket: Ticket, engine: Engine, policies: list[PolicyText], force: bool = False
) -> "TriageProposal | TriagePending":
    """Screen the ticket and look for a reusable decision: a finished proposal when one
    exists, else what the engine call needs. Reads the database; calls no engine."""
    pending = triage_pending(ticket=ticket, engine=engine, policies=policies)
    stored = None if force else decision_reusable(pending.fingerprint)
    return triage_reuse(pending, stored) if stored else pending


def triage_pending(
    *, ticket: Ticket, engine: Engine, policies: list[PolicyText], config: RoutingConfig | None = None
) -> TriagePending:
    """What the engine call for `ticket` needs: screening, the text, the input fingerprint, and
    the routing thresholds (`config`: read once by a caller preparing many, else read here)."""
    screening = screen(f"{ticket.subject}\n{ticket.body}")
    text = TicketText(ticket.subject, ticket.body, screening.language)
    fingerprint = input_fingerprint(
        engine=engine.name,
        model=engine.model_name,
        prompt_hash=engine.prompt.sha256 if engine.prompt else "",
        ticket=text,
        policies=policies,
    )
    return TriagePending(engine, text, policies, screening, fingerprint, config or routing_config())


def triage_reuse(pending: TriagePending, stored: Decision) -> TriageProposal:
    """The proposal of a stored decision made for identical input: no engine call."""
    valid_keys = frozenset(p.key for p in pending.policies)
    run = EngineRun((_result_from_stored(stored),))
    return _proposal(run, pending.screening, valid_keys, pending.routing_config, pending.fingerprint, stored)


def triage_call(pending: TriagePending, *, wait_until: float | None = None) -> EngineRun:
    """The engine call alone: no database, no transaction, so it may run in any thread.

    `wait_until` (time.monotonic) bounds the wait for room under the LLM's rate limits.
    """
    try:
        if wait_until is not None:
            return pending.engine.run(pending.text, pending.policies, wait_until=wait_until)
        return pending.engine.run(pending.text, pending.policies)
    except Exception as exc:  # an engine bug must not lose the ticket
        logger.exception("engine %s crashed", pending.engine.name)
        return _failed(pending.engine.name, f"engine crashed: {exc}")


def triage_complete(pending: TriagePending, run: EngineRun) -> TriageProposal:
    """Route what the engine said."""
    valid_keys = frozenset(p.key for p in pending.policies)
    return _proposal(run, pending.screening, valid_keys, pending.routing_config, pending.fingerprint)


def _proposal(
    run: EngineRun, screening: Screening, valid_keys, config: RoutingConfig, fingerprint="", reused_from=None
):
    outcome = route(run.final, screening=screening, valid_policy_keys=valid_keys, config=config)
    return TriageProposal(run, outcome, screening, fingerprint, reused_from)


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


def _failed(engine: str, error: str) -> EngineRun:
    return EngineRun((EngineResult(engine, "", "", "", None, error),))


def _result_from_stored(stored: Decision) -> EngineResult:
    return EngineResult(
        engine=stored.engine,
        model=stored.model_name,
        prompt_version=stored.prompt_version,
        prompt_hash=stored.prompt_hash,
        decision=TriageDecision.model_validate(stored.output),
        raw_output=stored.raw_output,
        raw_confidence=stored.raw_confidence,
        routing_confidence=stored.routing_confidence,
        resolvable_probability=stored.resolvable_probability,
        latency_ms=0.0,
    )
