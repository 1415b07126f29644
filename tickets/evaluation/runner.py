"""Running an engine over dataset rows and routing each result, writing nothing."""

from dataclasses import dataclass, replace
from pathlib import Path

from ai_engine import EngineResult, TicketText
from tickets.evaluation.dataset import Row
from tickets.evaluation.metrics import Scored
from tickets.routing import route, routing_config
from tickets.screening import screen
from tickets.selectors import policy_texts
from tickets.services.engine import engine_get

BATCH = 512


@dataclass(frozen=True)
class EvaluatedRow:
    row: Row
    result: EngineResult
    scored: Scored
    rule: str


def engine_label(engine_name: str, prompt_version: str | None) -> str:
    return f"{engine_name}:{prompt_version}" if prompt_version else engine_name


def evaluate_rows(
    rows: list[Row],
    *,
    engine_name: str,
    prompt_version: str | None = None,
    config=None,
    local_model_path: Path | None = None,
):
    """Every row through the engine and the production routing rules. No database writes.

    `local_model_path`: another local model file than AI_LOCAL_MODEL_PATH (comparing two).
    Raises EngineError when the engine cannot run at all.
    """
    engine = engine_get(
        engine_name=engine_name, prompt_version=prompt_version, local_model_path=local_model_path
    )
    policies = policy_texts()
    keys = frozenset(p.key for p in policies)
    config = config or routing_config()
    # "Candidate" routing: the same rules with every confidence threshold at zero.
    open_config = replace(config, default_threshold=0.0, intent_thresholds={})
    screenings = [screen(f"{r.subject}\n{r.body}") for r in rows]
    tickets = [TicketText(r.subject, r.body, s.language) for r, s in zip(rows, screenings, strict=True)]
    results = []
    for start in range(0, len(tickets), BATCH):
        results += [run.final for run in engine.run_many(tickets[start : start + BATCH], policies)]
    evaluated = []
    for row, screening, result in zip(rows, screenings, results, strict=True):
        outcome = route(result, screening=screening, valid_policy_keys=keys, config=config)
        candidate = route(result, screening=screening, valid_policy_keys=keys, config=open_config)
        decision = result.decision
        scored = Scored(
            intent=row.intent,
            priority=row.priority,
            resolvable=row.resolvable,
            predicted_intent=decision.intent if decision else None,
            predicted_priority=outcome.priority,
            predicted_resolvable=decision.resolvable if decision else None,
            confidence=outcome.confidence,
            auto_resolved=outcome.auto_resolved,
            candidate=candidate.auto_resolved,
            latency_ms=result.latency_ms,
            prompt_tokens=result.prompt_tokens,
            completion_tokens=result.completion_tokens,
        )
        evaluated.append(EvaluatedRow(row, result, scored, outcome.rule))
    return evaluated
