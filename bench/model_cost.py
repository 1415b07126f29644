"""What a local model costs a process: load time, memory, decisions per second.

    .venv/bin/python bench/model_cost.py MODEL.npz [MODEL.npz ...]

Each model is measured in a fresh Python process (so memory and load time are its own):
the time to load it (with its sentence embedder, if it has one), the process's resident
memory after loading (VmRSS) and at its peak (VmHWM), and decisions per second on the
dev-set tickets (email-sized) and on short utterances, one ticket at a time (as a worker
calls it) and in batches of 512 (as `evaluate` calls it), on one thread.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT / "bench" / "data" / "dev_set.jsonl"

# Runs in the child process; prints one JSON line.
_CHILD = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])

def memory_mb():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return {k: int(fields[k].split()[0]) // 1024 for k in ("VmRSS", "VmHWM")}

from ai_engine.types import PolicyText, TicketText
from tickets.starter_policies import STARTER_POLICIES
before = memory_mb()["VmRSS"]
started = time.perf_counter()
from ai_engine.local_engine import LocalEngine
from ai_engine import local_model
engine = LocalEngine(local_model.load(Path(sys.argv[2])))
load_s = time.perf_counter() - started
after = memory_mb()
policies = [PolicyText(p["key"], p["title"], p["text"], tuple(p["intents"])) for p in STARTER_POLICIES]
rows = [json.loads(line) for line in open(sys.argv[3], encoding="utf-8")]
emails = [TicketText(r["subject"], r["body"]) for r in rows]
short = [TicketText("", r["body"].split("\n")[0][:80]) for r in rows]
engine.run(emails[0], policies)

def rate(tickets, batch):
    started = time.perf_counter()
    if batch == 1:
        for ticket in tickets:
            engine.run(ticket, policies)
    else:
        for i in range(0, len(tickets), batch):
            engine.run_many(tickets[i:i + batch], policies)
    return len(tickets) / (time.perf_counter() - started)

print(json.dumps({
    "load_s": load_s, "rss_before": before, "rss": after["VmRSS"],
    "email_single": rate(emails, 1), "email_batch": rate(emails, 512),
    "short_single": rate(short, 1), "short_batch": rate(short, 512),
    "peak": memory_mb()["VmHWM"],
}))
"""


def model_cost(path: Path, tickets: Path = DEV_SET) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(ROOT), str(path), str(tickets)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def cost_table(models: dict[str, Path], tickets: Path = DEV_SET) -> None:
    header = [
        "model",
        "load s",
        "RSS before MB",
        "RSS loaded MB",
        "peak MB",
        "email 1-by-1/s",
        "email batch/s",
        "short 1-by-1/s",
        "short batch/s",
    ]
    print("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    for title, path in models.items():
        c = model_cost(path, tickets)
        figures = [f"{c['load_s']:.2f}", str(c["rss_before"]), str(c["rss"]), str(c["peak"])]
        figures += [f"{c[k]:.0f}" for k in ("email_single", "email_batch", "short_single", "short_batch")]
        print(f"| {title} | " + " | ".join(figures) + " |")


if __name__ == "__main__":
    cost_table({Path(p).name: Path(p) for p in sys.argv[1:]})
