"""Local-engine benchmark: decisions per second and quality on labelled data.

    .venv/bin/python bench/engine.py [--data ../shared/data] [--n 3000]

Trains on the project's starter examples minus the held-out fifth, then measures:
- decisions/s one ticket at a time (as the worker calls it) and in batches (as
  `evaluate` calls it), single process;
- intent accuracy, macro-F1 and calibration error (ECE) on the held-out starter
  examples and on the test splits of each shared dataset, kept separate.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ai_engine import local_model  # noqa: E402
from ai_engine.local_engine import LocalEngine  # noqa: E402
from ai_engine.starter import as_examples, is_heldout, starter_rows  # noqa: E402
from ai_engine.types import PolicyText, TicketText  # noqa: E402
from tickets.evaluation.dataset import Row, dataset_load  # noqa: E402
from tickets.evaluation.metrics import Scored, calibration_figures, intent_figures  # noqa: E402
from tickets.starter_policies import STARTER_POLICIES  # noqa: E402

TEST_SPLITS = {"banking77.jsonl": {"test"}, "clinc150.jsonl": {"test", "oos_test"}, "bitext.jsonl": {"all"}}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--n", type=int, default=3000, help="tickets for the speed test")
    args = parser.parse_args()

    rows = starter_rows()
    train = [r for r in rows if not is_heldout(r)]
    heldout = [
        Row(r["id"], r["subject"], r["body"], r["intent"], r["priority"]) for r in rows if is_heldout(r)
    ]
    started = time.perf_counter()
    model = local_model.train(as_examples(train))
    train_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.npz"
        local_model.save(model, path)
        engine = LocalEngine(local_model.load(path))
    policies = [PolicyText(p["key"], p["title"], p["text"], tuple(p["intents"])) for p in STARTER_POLICIES]
    print(f"trained on {len(train)} starter examples in {train_s:.1f}s; {len(heldout)} held out\n")

    speed(engine, policies, heldout, args.n)
    print()
    print(f"{'dataset':<28}{'rows':>7}{'accuracy':>10}{'macro-F1':>10}{'ECE':>8}")
    quality(engine, policies, "starter (held-out)", heldout)
    for name, splits in TEST_SPLITS.items():
        path = args.data / name
        if not path.exists():
            print(f"{name:<28} missing at {path}")
            continue
        loaded = [r for split in sorted(splits) for r in dataset_load(path, split=split).rows]
        quality(engine, policies, f"{name.removesuffix('.jsonl')} ({'+'.join(sorted(splits))})", loaded)


def speed(engine: LocalEngine, policies, rows: list[Row], n: int) -> None:
    tickets = [TicketText(r.subject, r.body) for r in rows]
    tickets = (tickets * (n // len(tickets) + 1))[:n]
    engine.run(tickets[0], policies)  # warm-up: policy vectors are cached after this
    started = time.perf_counter()
    for ticket in tickets:
        engine.run(ticket, policies)
    single = n / (time.perf_counter() - started)
    started = time.perf_counter()
    for start in range(0, n, 512):
        engine.run_many(tickets[start : start + 512], policies)
    batch = n / (time.perf_counter() - started)
    print(f"decisions/s, one at a time: {single:,.0f}   (target >= 1,000)")
    print(f"decisions/s, batches of 512: {batch:,.0f}")


def quality(engine: LocalEngine, policies, label: str, rows: list[Row]) -> None:
    results = []
    tickets = [TicketText(r.subject, r.body) for r in rows]
    for start in range(0, len(tickets), 512):
        results += [run.final for run in engine.run_many(tickets[start : start + 512], policies)]
    scored = [
        Scored(
            r.intent,
            r.priority,
            None,
            res.decision.intent,
            res.decision.priority,
            res.decision.resolvable,
            res.routing_confidence,
            False,
            False,
            res.latency_ms,
        )
        for r, res in zip(rows, results, strict=True)
    ]
    figures = intent_figures(scored) | calibration_figures(scored)
    print(
        f"{label:<28}{len(rows):>7}{figures['intent_accuracy']:>10.3f}"
        f"{figures['intent_macro_f1']:>10.3f}{figures['ece']:>8.3f}"
    )


if __name__ == "__main__":
    main()
