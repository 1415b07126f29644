"""Running an engine over dataset rows and routing each result, writing nothing."""

from dataclasses import dataclass, replace

from ai_engine.engines import engine_build, engine_run
from ai_engine.local_engine import LocalEngine
from ai_engine.types import EngineResult, TicketText
from tickets.evaluation.dataset import Row
from tickets.evaluation.metrics import Scored
from tickets.routing import route, routing_config
from tickets.selectors import policy_texts
from tickets.services.evaluation import engine_config

BATCH = 512


@dataclass(frozen=True)
class EvaluatedRow:
    row: Row
    result: EngineResult
    scored: Scored


def engine_label(engine_name: str, prompt_version: str | None) -> str:
    return f"{engine_name}:{prompt_version}" if prompt_version else engine_name


def evaluate_rows(rows: list[Row], *, engine_name: str, prompt_version: str | None = None, config=None):
    """Every row through the engine and the production routing rules. No database writes.

    Raises EngineNotConfigured / ModelFileError when the engine cannot run at all.
    """
    engine = engine_build(engine_config(prompt_version=prompt_version), engine_name)
    policies = policy_texts()
    keys = frozenset(p.key for p in policies)
    config = config or routing_config()
    # "Candidate" routing: the same rules with every threshold at zero.
    open_config = replace(config, default_threshold=0.0, intent_thresholds={})
    tickets = [TicketText(r.subject, r.body) for r in rows]
    if isinstance(engine, LocalEngine):
        results = []
        for start in range(0, len(tickets), BATCH):
            results += engine.decide_many(tickets[start : start + BATCH], policies)
    else:
        results = [engine_run(engine, ticket, policies).final for ticket in tickets]
    evaluated = []
    for row, result in zip(rows, results, strict=True):
        text = f"{row.subject}\n{row.body}"
        outcome = route(result, text=text, valid_policy_keys=keys, config=config)
        candidate = route(result, text=text, valid_policy_keys=keys, config=open_config)
        decision = result.decision
        scored = Scored(
            intent=row.intent,
            priority=row.priority,
            auto_resolve_ok=row.auto_resolve_ok,
            predicted_intent=decision.intent if decision else None,
            predicted_priority=decision.priority if decision else None,
            confidence=result.routing_confidence,
            auto_resolved=outcome.auto_resolved,
            candidate=candidate.auto_resolved,
            latency_ms=result.latency_ms,
            prompt_tokens=result.prompt_tokens,
            completion_tokens=result.completion_tokens,
        )
        evaluated.append(EvaluatedRow(row, result, scored))
    return evaluated
