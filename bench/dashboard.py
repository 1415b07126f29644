"""The dashboard's queries at scale: how long each chart and the whole page take.

    .venv/bin/python bench/dashboard.py                      # 100,000 tickets, SQLite and PostgreSQL
    .venv/bin/python bench/dashboard.py --tickets 20000 --database sqlite

Writes a plausible quarter of history (tickets, conversation messages, audit events:
`tickets/tests/dashboard_data.py`) into a throw-away database, then times each chart's
query, each CSV, the whole /dashboard/ page as an agent loads it, and a /metrics scrape
(the backlog, oldest-wait and overdue gauges). Prints the median and the slowest of
`--repeat` runs, in milliseconds.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
POSTGRES_URL = os.environ.get("POSTGRES_TEST_URL", "postgres://postgres@127.0.0.1:5432/test")


def timed(function, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs), max(runs)


def run(database: str, tickets: int, repeat: int) -> None:
    import django
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    django.setup()
    from tickets.dashboard import selectors
    from tickets.tests.dashboard_data import seed_history
    from tickets.tests.factories import AdminFactory

    call_command("migrate", "--noinput", verbosity=0)
    started = time.perf_counter()
    written = seed_history(tickets)
    if database == "postgres":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    seeding = time.perf_counter() - started
    print(
        f"\n{database}: {written['tickets']:,} tickets, {written['messages']:,} messages, "
        f"{written['events']:,} audit events (written in {seeding:.0f} s)"
    )

    client = Client()
    client.force_login(AdminFactory(username="bench-admin"))
    now = timezone.now()
    checks = [
        ("summary figures", lambda: selectors.dashboard_summary(now)),
        ("tickets per day by outcome", lambda: selectors.daily_outcomes(now)),
        ("backlog by age and priority", lambda: selectors.backlog_by_age(now)),
        ("rates per week", lambda: selectors.weekly_rates(now)),
        ("agreement per intent", lambda: selectors.agreement_by_intent(now)),
        ("reliability per intent", lambda: selectors.reliability_by_intent(now)),
        ("GET /dashboard/ (whole page)", lambda: _ok(client.get("/dashboard/"))),
        ("GET /dashboard/rates.csv", lambda: _ok(client.get("/dashboard/rates.csv"))),
        ("GET /metrics (scrape)", lambda: _ok(client.get("/metrics"))),
    ]
    print(f"| query ({database}, {written['tickets']:,} tickets) | median ms | slowest ms |")
    print("|---|---|---|")
    for name, check in checks:
        check()  # warm: the first run pays for connections and compiled templates
        median, slowest = timed(check, repeat)
        print(f"| {name} | {median:.1f} | {slowest:.1f} |")


def _ok(response):
    assert response.status_code == 200, response.status_code
    return response


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run(args.child, args.tickets, args.repeat)
        return
    # Each database in its own process: Django is set up once per process.
    import subprocess

    for database in ("sqlite", "postgres") if args.database == "both" else (args.database,):
        with tempfile.TemporaryDirectory() as tmp:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "supportdesk.settings",
                "SECRET_KEY": "bench-" + "x" * 40,
                "DEBUG": "false",
                "HTTPS_ONLY": "false",
                "ALLOWED_HOSTS": "testserver,127.0.0.1",
                "LOG_LEVEL": "WARNING",
            }
            name = f"sd_bench_{uuid.uuid4().hex[:8]}"
            if database == "postgres":
                import psycopg

                with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                    conn.execute(f'CREATE DATABASE "{name}"')
                env["DATABASE_URL"] = POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
            else:
                env["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
            try:
                command = [sys.executable, __file__, "--child", database, "--tickets", str(args.tickets)]
                subprocess.run([*command, "--repeat", str(args.repeat)], cwd=ROOT, env=env, check=True)
            finally:
                if database == "postgres":
                    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
