"""LLM-path benchmark: routed tickets per second against an OpenAI-protocol server answering in 300 ms.

    .venv/bin/python bench/llm_path.py                       # the whole run (about 3 minutes)
    .venv/bin/python bench/llm_path.py --tickets 300 --quick # a short run while developing

Real qcluster workers on PostgreSQL with the Redis broker, the `openai` engine pointed at
the test server (ai_engine/tests/fake_openai.py, run in this process). Tickets are stored
in one transaction and their triage queued at once, so the figures are the workers' alone
(intake has its own benchmark, bench/intake.py). For each setting it prints:

- calls in flight allowed (Q_WORKERS x AI_LLM_CONCURRENCY) and the ideal rate (that / 0.3 s),
- routed/s (first to last routed) and its share of the ideal (target: at least 90%),
- CPU per routed ticket in the worker processes (all of them, emails included; target 15 ms),
- then the same against a server answering 429 (Retry-After 1 s) to 20% of calls: every
  ticket still routed, none sent to review for it,
- and first-ticket latency on a fresh cluster against a later ticket's (warm workers).

Figures depend on the machine's load: the `uptime` load average is printed with them.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ai_engine.tests.fake_openai import FakeOpenAI, Reply, decision_json  # noqa: E402
from tickets.tests.live import LiveStack  # noqa: E402

LATENCY = 0.3
# Stores `count` tickets in one transaction; their triage is queued when it commits.
SUBMIT = """
from django.db import transaction
from tickets.services.submission import ticket_submit
with transaction.atomic():
    for n in range({count}):
        ticket_submit(subject=f"Export question {{n}} {tag}", body=f"How do I export project {{n}}?",
                      customer_email=f"c{{n}}@example.com")
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tickets", type=int, default=1500, help="tickets per throughput run")
    parser.add_argument("--quick", action="store_true", help="one setting per table, fewer tickets")
    args = parser.parse_args()
    settings = [(2, 8), (2, 32)] if not args.quick else [(2, 8)]

    llm = FakeOpenAI().start()
    llm.default = Reply(content=decision_json(), delay=LATENCY)
    try:
        print(f"load before: {load_average()}")
        print(f"\nOpenAI engine, server answering in {LATENCY * 1000:.0f} ms, PostgreSQL + Redis")
        print(f"{args.tickets} tickets per run")
        print(
            f"{'workers':>8}{'calls/worker':>14}{'in flight':>11}{'ideal/s':>9}{'routed/s':>10}"
            f"{'of ideal':>10}{'CPU ms/ticket':>15}{'mean in flight':>16}{'load':>7}"
        )
        for workers, concurrency in settings:
            figures = throughput(llm, workers, concurrency, args.tickets)
            ideal = workers * concurrency / LATENCY
            print(
                f"{workers:>8}{concurrency:>14}{workers * concurrency:>11}{ideal:>9.1f}"
                f"{figures['rate']:>10.1f}{figures['rate'] / ideal:>10.0%}"
                f"{figures['cpu_ms']:>15.1f}{figures['in_flight']:>16.1f}{load_average():>7}"
            )

        print("\nThe same server answering 429 (Retry-After: 1) to 20% of calls")
        print(
            f"{'in flight':>10}{'tickets':>9}{'routed':>8}{'to review':>11}{'429s':>7}"
            f"{'routed/s':>10}{'load':>7}"
        )
        llm.rate_limit_fraction, llm.retry_after = 0.2, "1"
        count = max(100, args.tickets // 5)
        for workers, concurrency in settings:
            llm.rate_limited = 0
            figures = throughput(llm, workers, concurrency, count)
            print(
                f"{workers * concurrency:>10}{count:>9}{figures['routed']:>8}{figures['engine_failed']:>11}"
                f"{llm.rate_limited:>7}{figures['rate']:>10.1f}{load_average():>7}"
            )
        llm.rate_limit_fraction = 0.0

        print("\nFirst ticket on a fresh cluster (POST to routed), against a later one")
        first, later = first_ticket(llm)
        print(f"first ticket {first * 1000:.0f} ms, a later ticket {later * 1000:.0f} ms (model: 300 ms)")
    finally:
        llm.stop()


def throughput(llm: FakeOpenAI, workers: int, concurrency: int, count: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp, stack(tmp, llm, workers, concurrency) as live:
        live.start_workers()
        wait_idle(live.processes["worker"].pid)  # the cluster has spawned and warmed its workers
        cpu_before = group_cpu_seconds(live.processes["worker"].pid)
        live.manage("shell", "-c", SUBMIT.format(count=count, tag=f"w{workers}c{concurrency}"))
        with InFlightSampler(llm) as in_flight:
            counts = live.wait_until_routed(count, timeout=900)
        time.sleep(2)  # the answer emails those tickets queued
        cpu = group_cpu_seconds(live.processes["worker"].pid) - cpu_before
        if counts.get("new") or counts.get("triaging"):
            raise SystemExit(f"not all routed: {counts}\n{live.log('worker')[-3000:]}")
        first, last = live.sql(
            "SELECT EXTRACT(EPOCH FROM MIN(updated_at)), EXTRACT(EPOCH FROM MAX(updated_at)) "
            "FROM tickets_ticket"
        )[0]
        failed = live.sql("SELECT COUNT(*) FROM tickets_ticket WHERE routing_rule = 'engine_failed'")[0][0]
    return {
        "rate": (count - 1) / (float(last) - float(first)),
        "cpu_ms": cpu * 1000 / count,
        "routed": sum(counts.values()),
        "engine_failed": failed,
        "in_flight": in_flight.mean(),
    }


class InFlightSampler:
    """Calls the server is answering, sampled every 10 ms while tickets wait: how full the
    workers keep their slots (at most Q_WORKERS x AI_LLM_CONCURRENCY)."""

    def __init__(self, llm: FakeOpenAI):
        self.llm, self.samples, self.stop = llm, [], threading.Event()

    def __enter__(self) -> "InFlightSampler":
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join()

    def _run(self) -> None:
        while not self.stop.wait(0.01):
            self.samples.append(self.llm.in_flight)

    def mean(self) -> float:
        # From the first call to the last: the ramp before the cluster starts is not the workers'.
        busy = [n for n in self.samples]
        while busy and busy[0] == 0:
            busy.pop(0)
        while busy and busy[-1] == 0:
            busy.pop()
        return sum(busy) / len(busy) if busy else 0.0


def first_ticket(llm: FakeOpenAI) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp, stack(tmp, llm, 2, 8) as live:
        live.start_web(workers=2)
        live.start_workers()
        wait_idle(live.processes["worker"].pid)
        first = routed_after_post(live, 0)
        for n in range(1, 100):
            live.submit(n)
        live.wait_until_routed(100, timeout=120)
        # The answer emails of those 100 are queued too: the later ticket meets idle workers,
        # as the first did, so the two differ only by what warming up costs.
        wait_idle(live.processes["worker"].pid)
        later = routed_after_post(live, 100)
    return first, later


def routed_after_post(live: LiveStack, n: int) -> float:
    ticket = live.submit(n)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        rows = live.sql(
            "SELECT EXTRACT(EPOCH FROM updated_at - created_at) FROM tickets_ticket "
            "WHERE id = ? AND status NOT IN ('new', 'triaging')",
            (ticket["id"],),
        )
        if rows:
            return float(rows[0][0])
        time.sleep(0.02)
    raise SystemExit("the ticket was not routed within 60 s")


def stack(tmp: str, llm: FakeOpenAI, workers: int, concurrency: int) -> LiveStack:
    return LiveStack(
        Path(tmp),
        database="postgres",
        broker="redis",
        **{"AI_ENGINE": "openai", "OPENAI_SECRET": "bench", "OPENAI_BASE_URL": llm.base_url},
        Q_WORKERS=workers,
        AI_LLM_CONCURRENCY=concurrency,
        # No worker is replaced during a run: a replaced process takes its CPU time with it
        # (the figure read from /proc would miss it) and the new one loads the engine again.
        Q_RECYCLE=1_000_000,
    )


def wait_idle(pgid: int, timeout: float = 60) -> None:
    """Until the cluster's processes stop using CPU: started, workers spawned and warm."""
    deadline = time.monotonic() + timeout
    last = -1.0
    time.sleep(1)
    while time.monotonic() < deadline:
        now = group_cpu_seconds(pgid)
        if now - last < 0.05:
            return
        last = now
        time.sleep(1)
    raise SystemExit("the cluster did not settle")


def group_cpu_seconds(pgid: int) -> float:
    """User + system CPU of every live process in the group (the cluster and its workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields[2] is the process group
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def load_average() -> str:
    uptime = subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout
    return uptime.rsplit(":", 1)[1].split(",")[0].strip()  # the 1-minute load average


if __name__ == "__main__":
    main()
