"""Does the local engine generalise? TF-IDF alone against TF-IDF stacked with embeddings.

    .venv/bin/python bench/generalisation.py [--data ../shared/data] [--limit N] [--skip-cost]
        [--adapted [--per-intent N]]

Trains both models the way `train_engine` ships them (every starter example; neither the
dev set nor the shared data is trained on), then runs each source through the engine and
the production routing rules (`evaluate_rows`, default settings) in a throw-away SQLite
database. Per source and model: intent accuracy and macro-F1, calibration error (ECE of the
routing confidence, and ECE of the intent head's own probability), auto-resolve coverage
and precision, unsafe auto-resolves, the share sent to `unknown`, and accuracy per language.
Then the cost of each model (bench/model_cost.py): load time, memory, decisions per second
single and batched. The aim (issue 15): macro-F1 >= 0.85 on every source, ECE < 0.05,
>= 200 decisions/s.

Two calibration figures because the routing confidence claims "intent right and the
ticket resolvable as predicted", while the public datasets label intent only: there,
its ECE compares a two-part claim with a one-part check and reads the resolvability
factor as miscalibration. The intent ECE compares like with like.

`--adapted` trains both models as an operator would with `train_engine --dataset` on
their own labelled mail: the starter examples plus the train splits of ../shared/data
(banking77 train, clinc150 train and oos_train, and half of bitext, chosen by a hash of
the row id), and measures on the test splits and the other half of bitext. It answers a
different question: not "does it generalise to mail it has never seen" but "does the same
engine learn another company's traffic when given it". As `train_engine --per-intent`
does, each file gives at most `--per-intent` rows of each intent (default 600, about what
the starter examples hold of each; 0 keeps all 26,931), so the public rows do not
outnumber this product's own examples nine to one.
"""

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SOURCES = [
    ("dev set", ROOT / "bench" / "data" / "dev_set.jsonl", None),
    ("banking77 test", "banking77.jsonl", "test"),
    ("clinc150 test", "clinc150.jsonl", "test"),
    ("clinc150 oos_test", "clinc150.jsonl", "oos_test"),
    ("bitext (all, unseen)", "bitext.jsonl", None),
]
MODELS = (("TF-IDF alone", False), ("TF-IDF + embeddings", True))
# bitext has one split: --adapted trains on half of it and measures on the other half.
HELD_OUT_HALF = "the half not trained on"
ADAPTED_SOURCES = [
    *SOURCES[:4],
    ("bitext (held-out half)", "bitext.jsonl", HELD_OUT_HALF),
]
TRAIN_SPLITS = (
    ("banking77.jsonl", ("train",)),
    ("clinc150.jsonl", ("train", "oos_train")),
    ("bitext.jsonl", None),
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, help="at most this many rows per source (a fixed sample)")
    parser.add_argument("--skip-cost", action="store_true", help="quality only, no speed and memory")
    parser.add_argument("--adapted", action="store_true", help="also train on the data's train splits")
    parser.add_argument(
        "--per-intent", type=int, default=600, help="with --adapted: at most N rows of each intent a file"
    )
    args = parser.parse_args()
    sources = ADAPTED_SOURCES if args.adapted else SOURCES
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        _django_setup(tmp)
        from ai_engine import local_model_train

        paths = {}
        for title, stacked in MODELS:
            paths[title] = tmp / f"{'stacked' if stacked else 'tfidf'}.npz"
            local_model_train(
                _training_rows(args.data, args.per_intent) if args.adapted else [],
                paths[title],
                stacked=stacked,
            )
        trained = "starter examples"
        if args.adapted:
            cap = args.per_intent or "all"
            trained += f" + the data's train splits, at most {cap} rows per intent a file"
        print(
            f"Generalisation of the local engine (trained on {trained}); "
            f"measured {date.today().isoformat()}; load {_load()}\n"
        )
        header = ["source", "rows", "model", "accuracy", "macro-F1", "ECE", "intent ECE"]
        header += ["auto cov.", "auto prec.", "unsafe", "unknown"]
        print("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
        languages = {}
        for label, file, split in sources:
            path = file if isinstance(file, Path) else args.data / file
            if not path.exists():
                print(f"| {label} | missing at {path} |")
                continue
            rows, language_of = _rows(path, split, args.limit)
            if split == HELD_OUT_HALF:
                rows = [r for r in rows if not _trained_half(r.id)]
            for title, _ in MODELS:
                figures, per_language = _measure(rows, language_of, paths[title])
                print(f"| {label} | {len(rows)} | {title} | " + " | ".join(figures) + " |")
                if len(per_language) > 1:
                    languages[(label, title)] = per_language
        for (label, title), per_language in languages.items():
            shown = ", ".join(f"{lang} {acc:.3f} ({n})" for lang, (acc, n) in sorted(per_language.items()))
            print(f"\nAccuracy per language, {label}, {title}: {shown}")
        if not args.skip_cost:
            from bench.model_cost import cost_table

            print()
            cost_table(
                {title: paths[title] for title, _ in MODELS}, ROOT / "bench" / "data" / "dev_set.jsonl"
            )


def _django_setup(tmp: Path) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "supportdesk.settings",
            "DEBUG": "true",
            "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
            "AI_LOCAL_MODEL_PATH": str(tmp / "unused.npz"),
            "AI_ENGINE": "local",
        }
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "--noinput", verbosity=0)


def _trained_half(row_id: str) -> bool:
    return int(hashlib.sha256(row_id.encode()).hexdigest(), 16) % 2 == 0


def _training_rows(data: Path, per_intent: int) -> list[dict]:
    """The train splits as `train_engine --dataset --per-intent` would take them: intent only
    (none labels priority), at most `per_intent` rows of each intent a file."""
    from tickets.evaluation.dataset import at_most_per_intent, dataset_load

    rows = []
    for file, splits in TRAIN_SPLITS:
        if splits:
            train = [r for split in splits for r in dataset_load(data / file, split=split).rows]
        else:
            train = [r for r in dataset_load(data / file).rows if _trained_half(r.id)]
        rows += [
            {"subject": r.subject, "body": r.body, "intent": r.intent}
            for r in at_most_per_intent(train, per_intent)
        ]
    return rows


def _rows(path: Path, split: str | None, limit: int | None):
    from tickets.evaluation.dataset import dataset_load

    rows = dataset_load(path, split=None if split == HELD_OUT_HALF else split).rows
    if limit and len(rows) > limit:
        rows = random.Random(0).sample(rows, limit)
    language_of = {}
    for line in path.open(encoding="utf-8"):
        data = json.loads(line)
        language_of[str(data.get("id"))] = data.get("language") or "?"
    return rows, language_of


def _measure(rows, language_of: dict, model_path: Path):
    from tickets.evaluation.metrics import expected_calibration_error, report
    from tickets.evaluation.runner import evaluate_rows

    evaluated = evaluate_rows(rows, engine_name="local", local_model_path=model_path)
    f = report([e.scored for e in evaluated])
    auto = f["auto_resolve"]
    unknown = sum(e.scored.predicted_intent == "unknown" for e in evaluated) / len(evaluated)
    per_language = defaultdict(list)
    for e in evaluated:
        per_language[language_of.get(e.row.id, "?")].append(e.scored.correct)
    figures = [
        _fmt(f["intent_accuracy"]),
        _fmt(f["intent_macro_f1"]),
        _fmt(f["ece"]),
        _fmt(_intent_ece(rows, model_path, expected_calibration_error)),
        _fmt(auto["coverage"]),
        _fmt(auto["precision"]),
        str(auto["unsafe"]),
        _fmt(unknown),
    ]
    return figures, {lang: (sum(c) / len(c), len(c)) for lang, c in per_language.items()}


def _intent_ece(rows, model_path: Path, ece) -> float:
    """ECE of the intent head's probability (after the novelty signal) against intent right."""
    from ai_engine import local_model
    from ai_engine.starter import row_text

    model = local_model.load(model_path)
    predictions = model.predict([row_text(r.subject, r.body) for r in rows])
    return ece(
        [p.intent_probability for p in predictions],
        [p.intent == r.intent for p, r in zip(predictions, rows, strict=True)],
    )


def _fmt(value) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


if __name__ == "__main__":
    main()
