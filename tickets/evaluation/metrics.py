"""The figures of an evaluation report, from sklearn.metrics. Anything not computable is None."""

from collections import Counter
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import accuracy_score, brier_score_loss, f1_score, precision_recall_fscore_support

from ai_engine import INTENTS

PRECISION_TARGETS = (0.95, 0.97, 0.99)
FAILED = "failed"


@dataclass(frozen=True)
class Scored:
    """One evaluated row: the label, what the engine said and what routing did."""

    intent: str
    priority: str | None
    resolvable: bool | None
    predicted_intent: str | None
    predicted_priority: str | None
    predicted_resolvable: bool | None
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
        """Auto-resolving this row would close a ticket the label says needs a person."""
        return self.resolvable is False or self.intent == "unknown"

    @property
    def good_auto_resolve(self) -> bool:
        return self.correct and not self.unsafe


def report(rows: list[Scored]) -> dict:
    n = len(rows)
    out = {"n": n}
    out |= intent_figures(rows)
    out |= priority_figures(rows)
    out |= resolvable_figures(rows)
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
    truth = [r.intent for r in rows]
    predicted = [r.predicted_intent or FAILED for r in rows]
    labels = list(INTENTS)
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=labels, zero_division=np.nan
    )
    per_intent = {
        intent: {
            "precision": _round_nan(precision[i]),
            "recall": _round_nan(recall[i]),
            "f1": _round_nan(f1[i]) if support[i] else None,
            "support": int(support[i]),
        }
        for i, intent in enumerate(labels)
    }
    present = [intent for intent in labels if intent in truth]
    # Macro-F1 over the intents the labels contain; a predicted-but-absent intent is no class.
    macro = f1_score(truth, predicted, labels=present, average="macro", zero_division=0.0)
    confusion = {
        intent: dict(Counter(p for t, p in zip(truth, predicted, strict=True) if t == intent))
        for intent in present
    }
    return {
        "intent_accuracy": _round(accuracy_score(truth, predicted)),
        "intent_macro_f1": _round(macro),
        "per_intent": per_intent,
        "confusion": confusion,
    }


def priority_figures(rows: list[Scored]) -> dict:
    labelled = [r for r in rows if r.priority]
    if not labelled:
        return {"priority_accuracy": None, "high_priority_recall": None}
    truth = [r.priority for r in labelled]
    predicted = [r.predicted_priority or FAILED for r in labelled]
    high = [r for r in labelled if r.priority == "high"]
    recall = None
    if high:
        _, recall_values, _, _ = precision_recall_fscore_support(
            truth, predicted, labels=["high"], zero_division=0.0
        )
        recall = recall_values[0]
    return {
        "priority_accuracy": _round(accuracy_score(truth, predicted)),
        "high_priority_recall": _round(recall),
    }


def resolvable_figures(rows: list[Scored]) -> dict:
    """Precision and recall of the engine's `resolvable` on rows labelled with it."""
    labelled = [r for r in rows if r.resolvable is not None]
    if not labelled:
        return {"resolvable_precision": None, "resolvable_recall": None}
    truth = [r.resolvable for r in labelled]
    predicted = [bool(r.predicted_resolvable) for r in labelled]
    precision, recall, _, _ = precision_recall_fscore_support(
        truth, predicted, labels=[True], zero_division=np.nan
    )
    return {"resolvable_precision": _round_nan(precision[0]), "resolvable_recall": _round_nan(recall[0])}


def calibration_figures(rows: list[Scored], bins: int = 10) -> dict:
    """Expected calibration error (equal-width bins) and Brier score of routing confidence.

    The confidence claims "intent right and, where labelled, resolvability right".
    """
    scored = [(r.confidence, float(_joint_correct(r))) for r in rows if r.confidence is not None]
    if not scored:
        return {"ece": None, "brier": None}
    confidence = np.array([c for c, _ in scored])
    correct = np.array([k for _, k in scored])
    ece = expected_calibration_error(confidence, correct, bins)
    brier = (
        brier_score_loss(correct, confidence)
        if len(set(correct)) > 1
        else np.mean((confidence - correct) ** 2)
    )
    return {"ece": _round(ece), "brier": _round(brier)}


def expected_calibration_error(confidence, correct, bins: int = 10) -> float:
    """Mean gap between stated confidence and share right, over equal-width bins, by bin size."""
    confidence = np.asarray(confidence, dtype=float)
    correct = np.asarray(correct, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        members = index == b
        if members.any():
            ece += members.mean() * abs(confidence[members].mean() - correct[members].mean())
    return float(ece)


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
            return {"threshold": _round(row.confidence), "coverage": _round(len(kept) / n), "rows": len(kept)}
    return {"threshold": None, "coverage": None, "rows": 0}


def _joint_correct(row: Scored) -> bool:
    if row.resolvable is None:
        return row.correct
    return row.correct and bool(row.predicted_resolvable) == row.resolvable


def _round(value, digits: int = 4):
    return None if value is None else round(float(value), digits)


def _round_nan(value, digits: int = 4):
    return None if value is None or np.isnan(value) else round(float(value), digits)
