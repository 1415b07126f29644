"""Safe auto-resolve on the project's dev set: the figures issue 10 asks for.

    .venv/bin/python bench/devset.py

Trains the shipped local engine (every starter example; the dev set is never trained on)
in a throw-away SQLite database, then runs `manage.py evaluate` on bench/data/dev_set.jsonl
with the default routing settings and prints its whole report: unsafe auto-resolves (each
listed), auto-resolve coverage and precision, priority accuracy, high-priority recall,
resolvability precision and recall, and how many tickets each routing rule caught. Then
the same for bench/data/blind_set.jsonl (160 tickets written blind, see BLIND_SET).
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT / "bench" / "data" / "dev_set.jsonl"
# Written blind: by someone who saw the rubric and the policies, never the starter examples,
# the dev set or the engine's results; no rule or threshold was tuned on it.
BLIND_SET = ROOT / "bench" / "data" / "blind_set.jsonl"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "supportdesk.settings",
            "DEBUG": "true",
            "DATABASE_URL": f"sqlite:///{Path(tmp) / 'bench.sqlite3'}",
            "AI_LOCAL_MODEL_PATH": str(Path(tmp) / "model.npz"),
            "AI_ENGINE": "local",
        }
        for command in (["migrate", "--noinput"], ["train_engine"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
        for dataset in (DEV_SET, BLIND_SET):
            print(f"\n#### {dataset.relative_to(ROOT)}", flush=True)
            evaluate = ["evaluate", "--dataset", str(dataset), "--engine", "local", *sys.argv[1:]]
            subprocess.run([sys.executable, "manage.py", *evaluate], cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    main()
