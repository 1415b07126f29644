"""What the engine recommends for a ticket and what routing would do with it: computed,
nothing written (tickets.services.decisions applies it).

The engine call happens with no transaction open and no row locked: a model that
takes 40 seconds holds nothing another request needs.
"""

import logging
from dataclasses import dataclass

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
from tickets.models import Decision, Ticket
from tickets.routing import RoutingConfig, RoutingOutcome, route, routing_config
from tickets.screening import Screening, screen
from tickets.selectors import decision_reusable, policy_texts
from tickets.services.engine import engine_get

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
        policy_margin=stored.policy_margin,
        latency_ms=0.0,
    )
