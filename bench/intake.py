"""Intake benchmark: POST /tickets/ and GET /tickets/{id} under gunicorn on PostgreSQL.

    .venv/bin/python bench/intake.py [--broker redis|orm] [--workers 4] [--threads 2] [--seconds 10]

Starts the app in a fresh PostgreSQL database (POSTGRES_TEST_URL, default the local
`test` server), drives it from a separate load process (bench/loadgen.py) at
concurrency 1, 16, 64 and 256, and prints requests/s, p50/p99 latency and errors.
Target on a 2-core machine: >= 730 POST/s at concurrency 16; no errors at 64 and 256.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tickets.tests.live import LiveStack  # noqa: E402

CONCURRENCY = (1, 16, 64, 256)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--broker", choices=["redis", "orm"], default="redis")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker (gthread)")
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()

    with (
        tempfile.TemporaryDirectory() as tmp,
        LiveStack(Path(tmp), database="postgres", broker=args.broker) as stack,
    ):
        stack.start_web(workers=args.workers, threads=args.threads)
        targets = Path(tmp) / "targets.jsonl"
        with ThreadPoolExecutor(8) as pool:
            created = list(pool.map(stack.submit, range(500)))
        targets.write_text(
            "".join(json.dumps({"id": t["id"], "token": t["access_token"]}) + "\n" for t in created)
        )
        print(
            f"gunicorn {args.workers} workers x {args.threads} threads, PostgreSQL, {args.broker} broker, "
            f"{args.seconds:.0f}s per run\n"
        )
        print(f"{'endpoint':<22}{'conc.':>6}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
        for mode, label in (("post", "POST /tickets/"), ("get", "GET /tickets/{id}")):
            for concurrency in CONCURRENCY:
                figures = load(stack.url, mode, concurrency, args.seconds, targets)
                print(
                    f"{label:<22}{concurrency:>6}{figures['rps']:>10.1f}{figures['p50_ms'] or 0:>9.1f}"
                    f"{figures['p99_ms'] or 0:>9.1f}{figures['errors']:>8}"
                    + (f"  {figures['error_kinds']}" if figures["errors"] else "")
                )


def load(url: str, mode: str, concurrency: int, seconds: float, targets: Path) -> dict:
    command = [
        sys.executable,
        str(ROOT / "bench" / "loadgen.py"),
        url,
        "--mode",
        mode,
        "--concurrency",
        str(concurrency),
        "--seconds",
        str(seconds),
        "--targets",
        str(targets),
    ]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


if __name__ == "__main__":
    main()
