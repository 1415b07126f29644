"""Staff list benchmark: GET /tickets/ at the first page and a million rows deep, on PostgreSQL.

    .venv/bin/python bench/lists.py [--rows 1000000] [--repeat 20]

Fills a fresh PostgreSQL database (POSTGRES_TEST_URL) with `--rows` tickets by
`INSERT ... SELECT generate_series` (not the ORM), starts gunicorn, and times the
staff list as a client sees it (median of --repeat, ms): the first page, and a page
whose cursor sits at the last rows; unfiltered and filtered by status; beside the old
`offset` way to the same depth. Then prints the plan of a deep filtered page (EXPLAIN
ANALYZE), which should read ticket_status_created_idx. Target: the deep page as fast as
the first one. The 1-minute load average is printed: the figures depend on it.
"""

import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tickets.tests.live import LiveStack  # noqa: E402

# 1 ticket in 50 waits for review, like a healthy queue; the rest are closed.
FILL = """
INSERT INTO tickets_ticket ({columns})
SELECT {values} FROM generate_series(1, %s) AS i
"""
KNOWN = {
    "id": "gen_random_uuid()",
    "subject": "'Question ' || i",
    "body": "'How do I export project ' || i || '?'",
    "customer_email": "'c' || i || '@example.com'",
    "status": "CASE WHEN i %% 50 = 0 THEN 'awaiting_review' ELSE 'resolved' END",
    "intent": "(ARRAY['billing','technical_issue','account','general_question'])[1 + i %% 4]",
    "priority": "(ARRAY['low','medium','high'])[1 + i %% 3]",
    "created_at": "now() - i * interval '1 second'",
    "updated_at": "now() - i * interval '1 second'",
    "version": "1",
}
BY_TYPE = {"jsonb": "'[]'::jsonb", "boolean": "false", "timestamp with time zone": "now()"}
SHELL = """
from django.contrib.auth.models import Permission, User
from rest_framework.authtoken.models import Token
user = User.objects.create_user("bench", is_staff=True)
user.user_permissions.add(Permission.objects.get(codename="view_ticket"))
print(Token.objects.create(user=user).key)
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp, LiveStack(Path(tmp), database="postgres") as stack:
        started = time.monotonic()
        fill(stack, args.rows)
        print(f"{args.rows:,} tickets inserted and analysed in {time.monotonic() - started:.0f} s")
        token = stack.manage("shell", "-c", SHELL).strip().splitlines()[-1]
        stack.start_web(workers=2)

        def timed(query: str) -> float:
            return median_ms(stack.url + "/tickets/?" + query, token, args.repeat)

        print(f"\n{'list':<34}{'first page ms':>14}{'deep page ms':>14}{'offset way ms':>15}{'load':>7}")
        for label, where, query in (
            ("all, newest first", "", "limit=50"),
            ("status=awaiting_review", "WHERE status = 'awaiting_review'", "status=awaiting_review&limit=50"),
        ):
            depth, cursor = deep_cursor(stack, where)
            first = timed(query)
            deep = timed(f"{query}&cursor={cursor}")
            offset = timed(f"{query}&offset={depth}")
            print(f"{label:<34}{first:>14.1f}{deep:>14.1f}{offset:>15.1f}{load_average():>7}")
            print(f"{'':<34}(deep page: after row {depth:,})")

        print("\nPlan of the deep filtered page:")
        for line in explain(stack):
            print("  " + line)


def fill(stack: LiveStack, rows: int) -> None:
    columns = stack.sql(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'tickets_ticket' "
        "AND is_nullable = 'NO' AND column_default IS NULL AND is_generated = 'NEVER'"
    )
    values = {name: KNOWN.get(name) or BY_TYPE.get(kind, "''") for name, kind in columns}
    for name, kind in columns:
        if name not in KNOWN and kind in ("integer", "smallint", "bigint"):
            values[name] = "0"
    statement = FILL.format(columns=", ".join(values), values=", ".join(values.values()))
    with psycopg.connect(stack._pg_url(), autocommit=True) as conn:
        conn.execute(statement, (rows,))
        conn.execute("ANALYZE tickets_ticket")


def deep_cursor(stack: LiveStack, where: str) -> tuple[int, str]:
    """The cursor after the row 50 before the end, as the API would encode it."""
    total = stack.sql(f"SELECT COUNT(*) FROM tickets_ticket {where}")[0][0]  # noqa: S608
    depth = max(0, total - 50)
    created_at, pk = stack.sql(
        f"SELECT created_at, id FROM tickets_ticket {where} "  # noqa: S608
        "ORDER BY created_at DESC, id DESC OFFSET %s LIMIT 1",
        (depth - 1,),
    )[0]
    cursor = json.dumps([created_at.isoformat(), str(pk)])
    return depth, base64.urlsafe_b64encode(cursor.encode()).decode().rstrip("=")


def explain(stack: LiveStack) -> list[str]:
    _, cursor = deep_cursor(stack, "WHERE status = 'awaiting_review'")
    created_at, pk = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    rows = stack.sql(
        "EXPLAIN ANALYZE SELECT * FROM tickets_ticket WHERE status = 'awaiting_review' "
        "AND created_at <= %s AND (created_at < %s OR (created_at = %s AND id < %s)) "
        "ORDER BY created_at DESC, id DESC LIMIT 51",
        (created_at, created_at, created_at, pk),
    )
    return [row[0] for row in rows]


def median_ms(url: str, token: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        request = urllib.request.Request(url, headers={"Authorization": f"Token {token}"})
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def load_average() -> str:
    uptime = subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout
    return uptime.rsplit(":", 1)[1].split(",")[0].strip()


if __name__ == "__main__":
    os.environ.setdefault("POSTGRES_TEST_URL", "postgres://postgres@127.0.0.1:5432/test")
    main()
