"""Running the AI engine on a ticket and applying what routing decides.

The engine call happens with no transaction open and no row locked: a model that
takes 40 seconds holds nothing another request needs. Only the short write at the
end is a transaction.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ai_engine.engines import CascadeEngine, EngineConfig, EngineNotConfigured, engine_build, engine_run
from ai_engine.local_model import ModelFileError
from ai_engine.prompts import UnknownPromptVersion
from ai_engine.schema import TriageDecision
from ai_engine.types import EngineResult, EngineRun, TicketText, input_fingerprint
from tickets.models import AuditEvent, DecidedBy, Decision, Status, Ticket
from tickets.routing import RoutingOutcome, route, routing_config
from tickets.selectors import policy_texts
from tickets.services.errors import Conflict
from tickets.signals import ticket_answered

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Evaluation:
    """What the engine recommended and what routing would do; nothing written yet."""

    run: EngineRun
    routing: RoutingOutcome
    fingerprint: str
    reused_from: Decision | None


@dataclass(frozen=True)
class EvaluationOutcome:
    ticket: Ticket
    decision: Decision
    routing: RoutingOutcome
    applied: bool


def engine_config(*, prompt_version: str | None = None) -> EngineConfig:
    return EngineConfig(
        engine=settings.AI_ENGINE,
        openai_api_key=settings.OPENAI_API_KEY,
        openai_base_url=settings.OPENAI_BASE_URL,
        model=settings.AI_MODEL,
        prompt_version=prompt_version or settings.AI_PROMPT_VERSION,
        timeout=settings.AI_TIMEOUT_SECONDS,
        max_retries=settings.AI_MAX_RETRIES,
        seed=settings.AI_SEED,
        local_model_path=settings.AI_LOCAL_MODEL_PATH,
        cascade_threshold=settings.AI_CASCADE_THRESHOLD,
    )


def evaluation_compute(
    *,
    ticket: Ticket,
    engine_name: str | None = None,
    prompt_version: str | None = None,
    force: bool = False,
) -> Evaluation:
    """Ask the engine (or reuse a stored decision for identical input) and route it."""
    policies = policy_texts()
    valid_keys = frozenset(p.key for p in policies)
    text = TicketText(ticket.subject, ticket.body)
    try:
        engine = engine_build(engine_config(prompt_version=prompt_version), engine_name)
    except (EngineNotConfigured, ModelFileError, UnknownPromptVersion) as exc:
        return _evaluation(_failed(engine_name or settings.AI_ENGINE, str(exc)), ticket, valid_keys)

    prompt = _prompt_of(engine)
    if prompt and (changed := _prompt_changed_since_use(prompt)):
        return _evaluation(_failed(engine.name, changed), ticket, valid_keys)
    fingerprint = input_fingerprint(
        engine=engine.name,
        model=engine.model_name,
        prompt_hash=prompt.sha256 if prompt else "",
        ticket=text,
        policies=policies,
    )
    stored = None if force else _stored_decision(fingerprint)
    if stored:
        run = EngineRun((_result_from_stored(stored),))
    else:
        try:
            run = engine_run(engine, text, policies)
        except Exception as exc:  # an engine bug must not lose the ticket
            logger.exception("engine %s crashed on ticket %s", engine.name, ticket.pk)
            run = EngineRun((_failed(engine.name, f"engine crashed: {exc}").final,))
    return _evaluation(run, ticket, valid_keys, fingerprint=fingerprint, reused_from=stored)


def ticket_evaluate(
    *,
    ticket_id,
    engine_name: str | None = None,
    prompt_version: str | None = None,
    force: bool = False,
    claimed_version: int | None = None,
    actor=None,
) -> EvaluationOutcome:
    """Evaluate a ticket, log every engine call, and apply the routing outcome.

    A ticket a human has decided keeps that decision: the new decision is logged,
    not applied. With `claimed_version` (the background task), the decision is
    applied only if the ticket is still in the state the task claimed.
    """
    ticket = Ticket.objects.get(pk=ticket_id)
    evaluation = evaluation_compute(
        ticket=ticket, engine_name=engine_name, prompt_version=prompt_version, force=force
    )
    return evaluation_apply(
        ticket_id=ticket_id, evaluation=evaluation, claimed_version=claimed_version, actor=actor
    )


def evaluation_apply(
    *, ticket_id, evaluation: Evaluation, claimed_version: int | None = None, actor=None
) -> EvaluationOutcome:
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket_id)
        for result in evaluation.run.results[:-1]:
            _log(ticket, result, evaluation, routing_outcome="escalated to the next engine")
        final = evaluation.run.final
        skip = _why_not_apply(ticket, claimed_version)
        if skip:
            decision = _log(ticket, final, evaluation, routing_outcome=f"not applied: {skip}")
            return EvaluationOutcome(ticket, decision, evaluation.routing, applied=False)
        decision = _log(ticket, final, evaluation, routing_outcome=evaluation.routing.status, applied=True)
        before = ticket.status
        _write(ticket, final, evaluation.routing)
        ticket.refresh_from_db()
        _audit(ticket, decision, evaluation.routing, before, actor)
        if evaluation.routing.auto_resolved:
            ticket_answered.send(sender=Ticket, ticket_id=ticket.pk)
    return EvaluationOutcome(ticket, decision, evaluation.routing, applied=True)


def _why_not_apply(ticket: Ticket, claimed_version: int | None) -> str:
    if ticket.is_decided_by_human:
        return "a human has decided this ticket"
    if claimed_version is not None and (
        ticket.status != Status.TRIAGING or ticket.version != claimed_version
    ):
        return "the ticket changed while the engine was running"
    return ""


def _write(ticket: Ticket, result: EngineResult, routing: RoutingOutcome) -> None:
    fields = {
        "status": routing.status,
        "routing_rule": routing.rule,
        "routing_reason": routing.reason,
        "engine": result.engine,
        "claimed_at": None,
        "resolution": "",
        "decided_by": "",
        "version": F("version") + 1,
        "updated_at": timezone.now(),
    }
    decision = result.decision
    if decision:
        fields |= {
            "intent": decision.intent,
            "priority": decision.priority,
            "confidence": result.routing_confidence,
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


def _log(ticket, result: EngineResult, evaluation: Evaluation, *, routing_outcome: str, applied=False):
    is_final = result is evaluation.run.final
    return Decision.objects.create(
        ticket=ticket,
        engine=result.engine,
        model_name=result.model,
        prompt_version=result.prompt_version,
        prompt_hash=result.prompt_hash,
        input_hash=evaluation.fingerprint,
        raw_output=result.raw_output,
        output=result.decision.model_dump(mode="json") if result.decision else None,
        error=result.error,
        raw_confidence=result.raw_confidence,
        routing_confidence=result.routing_confidence,
        latency_ms=result.latency_ms,
        prompt_tokens=result.prompt_tokens,
        completion_tokens=result.completion_tokens,
        routing_rule=evaluation.routing.rule if is_final else "",
        routing_outcome=routing_outcome,
        applied=applied,
        reused_from=evaluation.reused_from if is_final else None,
    )


def _audit(ticket, decision: Decision, routing: RoutingOutcome, before: str, actor) -> None:
    output = decision.output or {}
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                ticket=ticket,
                kind=AuditEvent.Kind.AI_DECISION,
                actor=actor,
                action=decision.engine,
                changes={k: output.get(k) for k in ("intent", "priority", "confidence")},
                note=decision.error or f"decision #{decision.pk}",
            ),
            AuditEvent(
                ticket=ticket,
                kind=AuditEvent.Kind.ROUTED,
                action=routing.rule,
                changes={"status": [before, routing.status]},
                note=routing.reason,
            ),
        ]
    )


def _evaluation(run, ticket, valid_keys, *, fingerprint="", reused_from=None) -> Evaluation:
    routing = route(
        run.final,
        text=f"{ticket.subject}\n{ticket.body}",
        valid_policy_keys=valid_keys,
        config=routing_config(),
    )
    return Evaluation(run, routing, fingerprint, reused_from)


def _failed(engine: str, error: str) -> EngineRun:
    return EngineRun((EngineResult(engine, "", "", "", None, error),))


def _prompt_of(engine):
    if isinstance(engine, CascadeEngine):
        return engine.llm.prompt
    return getattr(engine, "prompt", None)


def _prompt_changed_since_use(prompt) -> str:
    used = Decision.objects.filter(prompt_version=prompt.version).exclude(prompt_hash=prompt.sha256).exists()
    if used:
        return (
            f"prompt version {prompt.version} was edited after decisions used it; "
            "prompt versions are immutable, add a new version instead"
        )
    return ""


def _stored_decision(fingerprint: str) -> Decision | None:
    return (
        # Only final results carry a routing rule; an escalated cascade step is no answer.
        Decision.objects.filter(input_hash=fingerprint, output__isnull=False)
        .exclude(routing_rule="")
        .order_by("created_at", "id")
        .first()
    )


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
        latency_ms=0.0,
    )
