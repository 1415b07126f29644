"""The embedded engine: offline, deterministic, fast. Wraps a trained LocalModel."""

import json
import time
from functools import lru_cache
from pathlib import Path

from ai_engine import local_model
from ai_engine.schema import DecisionRejected, decision_from_values
from ai_engine.starter import row_text
from ai_engine.types import EngineResult, PolicyText, TicketText

NO_POLICY_REPLY = (
    "Hello,\n\nThank you for contacting us. A member of our support team will look at "
    "your message and get back to you shortly."
)


# Small caches: a retrained file has a new mtime, and old models must not pile up.
@lru_cache(maxsize=2)
def _load_cached(path: Path, mtime: float) -> local_model.LocalModel:
    return local_model.load(path)


@lru_cache(maxsize=2)
def _engine_cached(path: Path, mtime: float) -> "LocalEngine":
    return LocalEngine(_load_cached(path, mtime))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError as exc:
        raise local_model.ModelFileError(
            f"{path}: no local model; run `python manage.py train_engine`"
        ) from exc


def model_load(path: Path) -> local_model.LocalModel:
    """Load once per process; a retrained file (new mtime) is picked up automatically."""
    return _load_cached(path, _mtime(path))


def local_engine_load(path: Path) -> "LocalEngine":
    """One engine per model file and process, so its policy vectors stay cached between tickets."""
    return _engine_cached(path, _mtime(path))


class LocalEngine:
    name = "local"

    def __init__(self, model: local_model.LocalModel):
        self.model = model
        self.model_name = model.meta["version"]
        self._policy_vectors: dict[tuple, object] = {}

    def decide(self, ticket: TicketText, policies: list[PolicyText]) -> EngineResult:
        return self.decide_many([ticket], policies)[0]

    def decide_many(self, tickets: list[TicketText], policies: list[PolicyText]) -> list[EngineResult]:
        """Batch form: one vectorisation for many tickets (evaluation, benchmarks)."""
        started = time.perf_counter()
        texts = [row_text(t.subject, t.body) for t in tickets]
        predictions = self.model.predict(texts)
        policy_matrix = self._policy_matrix(policies)
        ticket_matrix = self.model.word.transform(texts)
        similarity = (ticket_matrix @ policy_matrix.T).toarray() if policies else None
        per_ticket_ms = (time.perf_counter() - started) * 1000 / max(len(tickets), 1)
        known = frozenset(p.key for p in policies)
        results = []
        for row, (intent, probability, priority, _) in enumerate(predictions):
            policy = self._best_policy(intent, policies, similarity, row)
            values = {
                "intent": intent,
                "priority": priority,
                "confidence": round(probability, 6),
                "suggestion": _reply(policy) if policy else NO_POLICY_REPLY,
                "policy_ids": [policy.key] if policy else [],
            }
            results.append(self._result(values, known, per_ticket_ms))
        return results

    def _policy_matrix(self, policies: list[PolicyText]):
        key = tuple((p.key, p.title, p.text) for p in policies)
        if key not in self._policy_vectors:
            # Keep only the current policy set: edits in admin replace it.
            self._policy_vectors = {
                key: self.model.word.transform([f"{p.title}\n{p.text}" for p in policies])
            }
        return self._policy_vectors[key]

    def _best_policy(self, intent, policies, similarity, row) -> PolicyText | None:
        candidates = [i for i, p in enumerate(policies) if intent in p.intents]
        if not candidates or intent == "unknown":
            return None
        # Ties (no shared words) fall back to the first policy by key: deterministic.
        best = max(candidates, key=lambda i: (similarity[row, i], -i))
        return policies[best]

    def _result(self, values: dict, known: frozenset[str], latency_ms: float) -> EngineResult:
        raw = _json(values)
        try:
            decision = decision_from_values(values, known_policy_ids=known)
        except DecisionRejected as exc:
            return EngineResult(
                self.name, self.model_name, "", "", None, str(exc), raw, latency_ms=latency_ms
            )
        return EngineResult(
            engine=self.name,
            model=self.model_name,
            prompt_version="",
            prompt_hash="",
            decision=decision,
            raw_output=raw,
            raw_confidence=decision.confidence,
            routing_confidence=decision.confidence,
            latency_ms=latency_ms,
        )


def _reply(policy: PolicyText) -> str:
    return f"Hello,\n\nThank you for contacting us. {policy.text}\n\n(Policy {policy.key}: {policy.title})"


def _json(values: dict) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True)
