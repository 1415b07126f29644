"""The figures of an evaluation report. Anything that cannot be computed is None."""

from collections import Counter
from dataclasses import dataclass

import numpy as np

from ai_engine.schema import INTENTS

PRECISION_TARGETS = (0.95, 0.97, 0.99)


@dataclass(frozen=True)
class Scored:
    """One evaluated row: the label, what the engine said and what routing did."""

    intent: str
    priority: str | None
    auto_resolve_ok: bool | None
    predicted_intent: str | None
    predicted_priority: str | None
    confidence: float | None
    auto_resolved: bool
    # Would auto-resolve if its confidence were high enough: every other rule passed.
    candidate: bool
    latency_ms: float
    prompt_tokens: int | None = None
    completion_tokens: int | None = None

    @property
    def correct(self) -> bool:
        return self.predicted_intent == self.intent

    @property
    def unsafe(self) -> bool:
        return self.auto_resolve_ok is False

    @property
    def good_auto_resolve(self) -> bool:
        return self.correct and not self.unsafe


def report(rows: list[Scored]) -> dict:
    n = len(rows)
    out = {"n": n}
    out |= intent_figures(rows)
    out |= priority_figures(rows)
    out |= calibration_figures(rows)
    out["auto_resolve"] = auto_resolve_figures([r for r in rows if r.auto_resolved], n)
    out["thresholds"] = {f"{t:.2f}": threshold_for_precision(rows, t) for t in PRECISION_TARGETS}
    latencies = [r.latency_ms for r in rows]
    out["latency_ms"] = {
        "p50": _round(np.percentile(latencies, 50)) if latencies else None,
        "p95": _round(np.percentile(latencies, 95)) if latencies else None,
    }
    prompt = [r.prompt_tokens for r in rows if r.prompt_tokens is not None]
    completion = [r.completion_tokens for r in rows if r.completion_tokens is not None]
    out["tokens"] = {
        "prompt": sum(prompt) if prompt else None,
        "completion": sum(completion) if completion else None,
    }
    return out


def intent_figures(rows: list[Scored]) -> dict:
    if not rows:
        return {"intent_accuracy": None, "intent_macro_f1": None, "per_intent": {}, "confusion": {}}
    per_intent = {}
    for intent in INTENTS:
        tp = sum(r.intent == intent and r.predicted_intent == intent for r in rows)
        predicted = sum(r.predicted_intent == intent for r in rows)
        support = sum(r.intent == intent for r in rows)
        precision = tp / predicted if predicted else None
        recall = tp / support if support else None
        f1 = (
            2 * precision * recall / (precision + recall)
            if precision and recall
            else (0.0 if support else None)
        )
        per_intent[intent] = {
            "precision": _round(precision),
            "recall": _round(recall),
            "f1": _round(f1),
            "support": support,
        }
    labelled = [v["f1"] for v in per_intent.values() if v["support"]]
    confusion = {
        intent: dict(Counter(r.predicted_intent or "failed" for r in rows if r.intent == intent))
        for intent in INTENTS
        if any(r.intent == intent for r in rows)
    }
    return {
        "intent_accuracy": _round(sum(r.correct for r in rows) / len(rows)),
        "intent_macro_f1": _round(float(np.mean(labelled))) if labelled else None,
        "per_intent": per_intent,
        "confusion": confusion,
    }


def priority_figures(rows: list[Scored]) -> dict:
    labelled = [r for r in rows if r.priority]
    high = [r for r in labelled if r.priority == "high"]
    return {
        "priority_accuracy": _round(sum(r.predicted_priority == r.priority for r in labelled) / len(labelled))
        if labelled
        else None,
        "high_priority_recall": _round(sum(r.predicted_priority == "high" for r in high) / len(high))
        if high
        else None,
    }


def calibration_figures(rows: list[Scored], bins: int = 10) -> dict:
    """Expected calibration error (equal-width bins) and Brier score of routing confidence."""
    scored = [(r.confidence, float(r.correct)) for r in rows if r.confidence is not None]
    if not scored:
        return {"ece": None, "brier": None}
    confidence = np.array([c for c, _ in scored])
    correct = np.array([k for _, k in scored])
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        members = index == b
        if members.any():
            ece += members.mean() * abs(confidence[members].mean() - correct[members].mean())
    return {"ece": _round(ece), "brier": _round(float(np.mean((confidence - correct) ** 2)))}


def auto_resolve_figures(resolved: list[Scored], n: int) -> dict:
    count = len(resolved)
    return {
        "count": count,
        "coverage": _round(count / n) if n else None,
        "precision": _round(sum(r.good_auto_resolve for r in resolved) / count) if count else None,
        "unsafe": sum(r.unsafe for r in resolved),
    }


def threshold_for_precision(rows: list[Scored], target: float) -> dict:
    """The lowest confidence threshold whose auto-resolved rows reach `target` precision."""
    candidates = sorted(
        (r for r in rows if r.candidate and r.confidence is not None), key=lambda r: r.confidence
    )
    n = len(rows)
    for start, row in enumerate(candidates):
        if start and candidates[start - 1].confidence == row.confidence:
            continue  # a threshold keeps or drops all rows of one confidence together
        kept = candidates[start:]
        if sum(r.good_auto_resolve for r in kept) / len(kept) >= target:
            return {"threshold": _round(row.confidence), "coverage": _round(len(kept) / n)}
    return {"threshold": None, "coverage": None}


def _round(value, digits: int = 4):
    return None if value is None else round(float(value), digits)
