"""Triage benchmark: from POST /tickets/ to routed, with real gunicorn and qcluster.

    .venv/bin/python bench/triage.py [--tickets 300] [--llm-tickets 120] [--local-only]

1. Local engine on PostgreSQL, with the ORM broker and with Redis: time from
   creation to routed (p50, p95) and tickets routed per second.
2. OpenAI engine against a local chat-completions server answering after 300 ms:
   routed per second as the worker count grows (1, 4, 8, 16).
"""

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ai_engine.tests.fake_openai import FakeOpenAI, Reply, decision_json  # noqa: E402
from tickets.tests.live import LiveStack  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tickets", type=int, default=300)
    parser.add_argument("--llm-tickets", type=int, default=120)
    parser.add_argument(
        "--local-only", action="store_true", help="only the local engine (bench/llm_path.py: the LLM path)"
    )
    args = parser.parse_args()

    print(f"Local engine, PostgreSQL, 2 worker processes, {args.tickets} tickets submitted 8 at a time")
    print(f"{'broker':<8}{'p50 s':>8}{'p95 s':>8}{'routed/s':>10}")
    for broker in ("orm", "redis"):
        figures = run(broker, args.tickets, workers=2)
        print(f"{broker:<8}{figures['p50']:>8.2f}{figures['p95']:>8.2f}{figures['rate']:>10.1f}")
    if args.local_only:
        return

    llm = FakeOpenAI().start()
    llm.default = Reply(content=decision_json(), delay=0.3)
    engine = {"AI_ENGINE": "openai", "OPENAI_SECRET": "bench", "OPENAI_BASE_URL": llm.base_url}
    print(f"\nOpenAI engine, test server answering after 300 ms, Redis broker, {args.llm_tickets} tickets")
    print(f"{'workers':<8}{'p50 s':>8}{'p95 s':>8}{'routed/s':>10}")
    try:
        for workers in (1, 4, 8, 16):
            figures = run("redis", args.llm_tickets, workers=workers, **engine)
            print(f"{workers:<8}{figures['p50']:>8.2f}{figures['p95']:>8.2f}{figures['rate']:>10.1f}")
    finally:
        llm.stop()


def run(broker: str, tickets: int, *, workers: int, **env) -> dict:
    with (
        tempfile.TemporaryDirectory() as tmp,
        LiveStack(Path(tmp), database="postgres", broker=broker, Q_WORKERS=workers, **env) as stack,
    ):
        stack.start_web(workers=2)
        stack.start_workers()
        time.sleep(3)  # let the cluster fork its workers before the clock starts
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(stack.submit, range(tickets)))
        counts = stack.wait_until_routed(tickets, timeout=600)
        if counts.get("new") or counts.get("triaging"):
            raise SystemExit(f"not all routed: {counts}")
        rows = stack.sql(
            "SELECT EXTRACT(EPOCH FROM created_at), EXTRACT(EPOCH FROM updated_at) FROM tickets_ticket"
        )
    created = [float(c) for c, _ in rows]
    routed = [float(u) for _, u in rows]
    latencies = sorted(u - c for c, u in zip(created, routed, strict=True))
    return {
        "p50": statistics.median(latencies),
        "p95": latencies[int(0.95 * (len(latencies) - 1))],
        "rate": len(rows) / (max(routed) - min(created)),
    }


if __name__ == "__main__":
    main()
