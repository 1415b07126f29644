"""Printing evaluation figures for people."""

from collections import Counter

from ai_engine import INTENTS
from tickets.evaluation.metrics import FAILED

# Fewer auto-resolved rows than this behind a threshold and it is a guess (calibrate's
# --min-rows default is the same).
FEW_ROWS = 30
# The wrongly read rows printed after the report; the JSON lists every one.
WRONG_SHOWN = 20


def _fmt(value) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def report_lines(figures: dict, *, title: str) -> list[str]:
    lines = [f"== {title} ==", f"rows: {figures['n']}"]
    lines.append(
        f"intent accuracy {_fmt(figures['intent_accuracy'])}   macro-F1 {_fmt(figures['intent_macro_f1'])}"
    )
    lines.append(f"{'intent':<18}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}")
    for intent, values in figures["per_intent"].items():
        if values["support"] or values["precision"] is not None:
            lines.append(
                f"{intent:<18}{_fmt(values['precision']):>10}{_fmt(values['recall']):>10}"
                f"{_fmt(values['f1']):>10}{values['support']:>9}"
            )
    lines.append("confusion (rows: label, columns: predicted)")
    columns = [*INTENTS, FAILED]
    lines.append(" " * 18 + "".join(f"{c[:9]:>10}" for c in columns))
    for label, predicted in figures["confusion"].items():
        lines.append(f"{label:<18}" + "".join(f"{predicted.get(c, 0):>10}" for c in columns))
    lines.append(
        f"priority accuracy {_fmt(figures['priority_accuracy'])}   "
        f"high-priority recall {_fmt(figures['high_priority_recall'])}"
    )
    lines.append(
        f"resolvable precision {_fmt(figures['resolvable_precision'])}   "
        f"recall {_fmt(figures['resolvable_recall'])}"
    )
    lines.append(f"calibration: ECE {_fmt(figures['ece'])}   Brier {_fmt(figures['brier'])}")
    auto = figures["auto_resolve"]
    lines.append(
        f"auto-resolve: {auto['count']} rows, coverage {_fmt(auto['coverage'])}, "
        f"precision {_fmt(auto['precision'])}, unsafe {auto['unsafe']}"
    )
    for target, values in figures["thresholds"].items():
        line = f"  precision >= {target}: threshold {_fmt(values['threshold'])}"
        line += f", coverage {_fmt(values['coverage'])}"
        if values["threshold"] is not None:
            # A threshold resting on three rows is a guess: say how many it rests on.
            line += f" ({values['rows']} rows at or above it"
            line += ", too few to trust)" if values["rows"] < FEW_ROWS else ")"
        lines.append(line)
    latency, tokens = figures["latency_ms"], figures["tokens"]
    if latency["p50"] is not None and latency["p50"] == latency["p95"]:
        # The local engine runs a batch at once and gives each ticket the batch's average:
        # equal percentiles would read as a measured spread of zero.
        shown = f"latency {_fmt(latency['p50'])} ms per ticket (average over the batch)"
    else:
        shown = f"latency p50 {_fmt(latency['p50'])} ms, p95 {_fmt(latency['p95'])} ms"
    lines.append(f"{shown}; tokens prompt {_fmt(tokens['prompt'])}, completion {_fmt(tokens['completion'])}")
    return lines


SIDE_BY_SIDE = [
    ("n", lambda f: f["n"]),
    ("intent accuracy", lambda f: f["intent_accuracy"]),
    ("intent macro-F1", lambda f: f["intent_macro_f1"]),
    ("priority accuracy", lambda f: f["priority_accuracy"]),
    ("high-priority recall", lambda f: f["high_priority_recall"]),
    ("resolvable precision", lambda f: f["resolvable_precision"]),
    ("resolvable recall", lambda f: f["resolvable_recall"]),
    ("ECE", lambda f: f["ece"]),
    ("Brier", lambda f: f["brier"]),
    ("auto-resolve coverage", lambda f: f["auto_resolve"]["coverage"]),
    ("auto-resolve precision", lambda f: f["auto_resolve"]["precision"]),
    ("auto-resolve unsafe", lambda f: f["auto_resolve"]["unsafe"]),
    ("threshold @0.97", lambda f: f["thresholds"]["0.97"]["threshold"]),
    # p50 per ticket; for a batched engine (local) every ticket gets the batch's average.
    ("latency ms per ticket", lambda f: f["latency_ms"]["p50"]),
]


def comparison_lines(first: dict, second: dict) -> list[str]:
    a, b = first["engine_label"], second["engine_label"]
    # Wide enough for the labels ("local (local-d0a3441fcb5c)"), with a gap between them.
    width = max(20, len(a) + 2, len(b) + 2)
    lines = [f"{'figure':<24}{a:>{width}}{b:>{width}}"]
    for name, get in SIDE_BY_SIDE:
        lines.append(f"{name:<24}{_fmt(get(first)):>{width}}{_fmt(get(second)):>{width}}")
    return lines


def rule_lines(evaluated) -> list[str]:
    """How many rows each routing rule caught, most first."""
    counts = Counter(e.rule for e in evaluated)
    return ["rows per routing rule:"] + [f"  {rule:<32}{count:>6}" for rule, count in counts.most_common()]


def wrong_intent_lines(evaluated, shown: int = WRONG_SHOWN) -> list[str]:
    """The rows whose intent the engine got wrong, so the operator can read them."""
    wrong = [e for e in evaluated if not e.scored.correct]
    lines = [f"intent wrong: {len(wrong)} rows" + (f" (first {shown})" if len(wrong) > shown else "")]
    for e in wrong[:shown]:
        text = (e.row.subject + " " + e.row.body).strip().replace("\n", " ")[:80]
        lines.append(f"  {e.row.id}: label {e.row.intent}, predicted {e.scored.predicted_intent}: {text}")
    return lines


def unsafe_lines(evaluated) -> list[str]:
    """Every auto-resolved row whose label says a person was needed: the figure that must be 0."""
    unsafe = [e for e in evaluated if e.scored.auto_resolved and e.scored.unsafe]
    lines = [f"unsafe auto-resolves: {len(unsafe)}"]
    for e in unsafe:
        text = (e.row.subject + " " + e.row.body).strip().replace("\n", " ")[:100]
        lines.append(
            f"  {e.row.id}: label {e.row.intent}/{e.row.priority}/resolvable={e.row.resolvable}: {text}"
        )
    return lines
