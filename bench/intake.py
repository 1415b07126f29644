"""Intake benchmark: POST /tickets/ and GET /tickets/{id} under gunicorn on PostgreSQL.

    .venv/bin/python bench/intake.py [--broker redis|orm] [--workers 4] [--threads 2] [--seconds 10]
    .venv/bin/python bench/intake.py --baseline HEAD   # the same, then the committed version, side by side

Starts the app in a fresh PostgreSQL database (POSTGRES_TEST_URL, default the local
`test` server), drives it from a separate load process (bench/loadgen.py) at
concurrency 1, 16, 64 and 256, and prints requests/s, p50/p99 latency and errors.
Target on a 2-core machine: >= 800 POST/s at concurrency 16; no errors at 64 and 256;
with --baseline, at least 2x the baseline's POST/s at 16. `--baseline REV` extracts
REV with `git archive` (nothing in the checkout changes) and runs its own bench/intake.py.
The 1-minute load average is printed with every row: the figures depend on it.
"""

import argparse
import json
import re
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
    parser.add_argument("--concurrency", default=",".join(map(str, CONCURRENCY)), help="e.g. 16,256")
    parser.add_argument("--post-only", action="store_true", help="skip the GET runs")
    parser.add_argument("--baseline", metavar="REV", help="also run the version at git REV, after")
    args = parser.parse_args()
    levels = [int(c) for c in args.concurrency.split(",")]
    modes = (
        (("post", "POST /tickets/"),)
        if args.post_only
        else (("post", "POST /tickets/"), ("get", "GET /tickets/{id}"))
    )
    mine = run(args, levels, modes)
    if args.baseline:
        theirs = baseline(args)
        for concurrency in levels:
            if concurrency in mine and concurrency in theirs:
                print(
                    f"POST at {concurrency}: {mine[concurrency] / theirs[concurrency]:.2f}x {args.baseline}"
                )


def run(args, levels, modes) -> dict[int, float]:
    """Print the table; return POST requests/s per concurrency."""
    posts = {}

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
        print(f"{'endpoint':<22}{'conc.':>6}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'load':>7}")
        for mode, label in modes:
            for concurrency in levels:
                figures = load(stack.url, mode, concurrency, args.seconds, targets)
                if mode == "post":
                    posts[concurrency] = figures["rps"]
                print(
                    f"{label:<22}{concurrency:>6}{figures['rps']:>10.1f}{figures['p50_ms'] or 0:>9.1f}"
                    f"{figures['p99_ms'] or 0:>9.1f}{figures['errors']:>8}{load_average():>7}"
                    + (f"  {figures['error_kinds']}" if figures["errors"] else "")
                )
    return posts


def baseline(args) -> dict[int, float]:
    """Run REV's own bench/intake.py from a `git archive` copy; POST requests/s per concurrency."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", args.baseline], cwd=ROOT, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        print(f"\nbaseline: {args.baseline}")
        command = [sys.executable, "bench/intake.py", "--broker", args.broker, "--workers", str(args.workers)]
        command += ["--threads", str(args.threads), "--seconds", str(args.seconds)]
        output = subprocess.run(command, cwd=tmp, check=True, capture_output=True, text=True).stdout
    print(output, end="")
    return {
        int(match[1]): float(match[2])
        for match in re.finditer(r"^POST /tickets/\s+(\d+)\s+([\d.]+)", output, re.M)
    }


def load_average() -> str:
    uptime = subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout
    return uptime.rsplit(":", 1)[1].split(",")[0].strip()


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
