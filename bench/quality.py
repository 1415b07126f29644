"""Quality benchmark: `manage.py evaluate` with the local engine, one row per dataset.

    .venv/bin/python bench/quality.py [--data ../shared/data]

Trains the local engine on the starter examples minus their held-out fifth, then
evaluates with the production routing rules (default thresholds) on:
the held-out starter examples, and the test split of each shared dataset, each
kept separate (never pooled). Works in a throw-away SQLite database.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ai_engine import local_model  # noqa: E402
from ai_engine.starter import as_examples, is_heldout, starter_rows  # noqa: E402
from tickets.evaluation.dataset import dataset_load  # noqa: E402

DATASETS = [
    ("banking77.jsonl", "test"),
    ("clinc150.jsonl", "test"),
    ("clinc150.jsonl", "oos_test"),
    ("bitext.jsonl", None),
]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument(
        "--with-shared-train",
        action="store_true",
        help="Also train on the shared train splits (banking77, clinc150; bitext stays unseen) and compare.",
    )
    args = parser.parse_args()

    rows = starter_rows()
    train_rows = [r for r in rows if not is_heldout(r)]
    models = [("starter examples only", train_rows)]
    if args.with_shared_train:
        models.append(("starter + shared train splits", train_rows + shared_train_rows(args.data)))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        heldout = tmp / "starter_heldout.jsonl"
        heldout.write_text("".join(json.dumps(r) + "\n" for r in rows if is_heldout(r)))
        for title, training in models:
            model_path = tmp / "model.npz"
            local_model.save(local_model.train(as_examples(training)), model_path)
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "supportdesk.settings",
                "DEBUG": "true",
                "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
                "AI_LOCAL_MODEL_PATH": str(model_path),
                "AI_ENGINE": "local",
            }
            manage(env, "migrate", "--noinput")
            table = [evaluate(env, tmp, "starter (held-out)", heldout, None)]
            for name, split in DATASETS:
                path = args.data / name
                if path.exists():
                    table.append(
                        evaluate(env, tmp, f"{name.removesuffix('.jsonl')} ({split or 'all'})", path, split)
                    )
                else:
                    print(f"{name}: missing at {path}", file=sys.stderr)
            print_table(f"Local engine trained on {title} ({len(training)} rows)", table)
            if (args.data / "clinc150.jsonl").exists() and title == models[0][0]:
                # The speed goal: 10,000+ rows through `evaluate` in under a minute.
                speed = evaluate(env, tmp, "speed", args.data / "clinc150.jsonl", "train")
                print(
                    f"Speed: `evaluate` on {speed[1]} rows (clinc150 train) took {speed[-1]} s, "
                    "process start included.\n"
                )


def shared_train_rows(data: Path) -> list[dict]:
    rows = []
    for name, split in (
        ("banking77.jsonl", "train"),
        ("clinc150.jsonl", "train"),
        ("clinc150.jsonl", "oos_train"),
    ):
        rows += [
            {"subject": r.subject, "body": r.body, "intent": r.intent, "priority": r.priority}
            for r in dataset_load(data / name, split=split).rows
        ]
    return rows


def print_table(title: str, table: list[list[str]]) -> None:
    threshold = os.environ.get("ROUTING_AUTO_RESOLVE_THRESHOLD", "default")
    print(f"{title}; measured {date.today().isoformat()}; routing threshold {threshold}\n")
    header = ["dataset", "rows", "accuracy", "macro-F1", "ECE", "Brier", "auto cov.", "auto prec."]
    header += ["thr@0.97", "cov@0.97", "s"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in table:
        print("| " + " | ".join(row) + " |")
    print()


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)


def evaluate(env: dict, tmp: Path, label: str, path: Path, split: str | None) -> list[str]:
    out = tmp / "figures.json"
    command = ["evaluate", "--dataset", str(path), "--engine", "local", "--json", str(out)]
    if split:
        command += ["--split", split]
    started = time.perf_counter()
    manage(env, *command)
    seconds = time.perf_counter() - started
    f = json.loads(out.read_text())
    auto, at97 = f["auto_resolve"], f["thresholds"]["0.97"]

    def fmt(value) -> str:
        return "n/a" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)

    return [
        label,
        str(f["n"]),
        fmt(f["intent_accuracy"]),
        fmt(f["intent_macro_f1"]),
        fmt(f["ece"]),
        fmt(f["brier"]),
        fmt(auto["coverage"]),
        fmt(auto["precision"]),
        fmt(at97["threshold"]),
        fmt(at97["coverage"]),
        f"{seconds:.1f}",
    ]


if __name__ == "__main__":
    main()
