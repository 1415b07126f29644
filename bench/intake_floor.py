"""The floor under intake: what the least a POST can do costs on this machine.

    .venv/bin/python bench/intake_floor.py [--workers 4] [--threads 2] [--seconds 10] [--concurrency 16]

Serves a minimal Django application (no middleware but CommonMiddleware, no DRF, no
authentication, no throttle) under the same gunicorn (gthread, 4 workers x 2 threads) and
drives it with the same load process as bench/intake.py, in steps that add one piece of
the work a real POST /tickets/ does:

    bare            parse the JSON body, answer 201
    insert          + one INSERT of the ticket's fields (autocommit, raw SQL)
    insert+enqueue  + one RPUSH of its id to Redis
    three rows      the product's rows: ticket, audit event, message in one transaction
                    (raw SQL), + one RPUSH

Nothing here validates, authenticates, throttles, audits the client or renders a
response the way the product must: each figure is an upper bound for POST /tickets/ on
the machine it runs on. Compare it with `bench/intake.py --post-only` run right after.
Uses the PostgreSQL of POSTGRES_TEST_URL (tables created and dropped in a scratch
schema) and the Redis of REDIS_TEST_URL.
"""

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEPS = ("bare", "insert", "insert+enqueue", "three rows")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()

    sys.path.insert(0, str(HERE.parent))
    import psycopg

    from tickets.tests.live import POSTGRES_URL, REDIS_URL, free_port

    schema = f"floor_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
        for table in ("ticket", "audit", "message"):
            conn.execute(
                f"CREATE TABLE {schema}.{table} (id bigserial PRIMARY KEY, ticket_id bigint, "
                "subject text, body text, email text, created_at timestamptz DEFAULT now())"
            )
    print(
        f"gunicorn {args.workers} workers x {args.threads} threads, PostgreSQL, Redis, "
        f"{args.concurrency} clients, {args.seconds:.0f}s per step\n"
    )
    print(f"{'step':<18}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'load':>7}")
    try:
        for step in STEPS:
            port = free_port()
            env = os.environ | {
                "FLOOR_STEP": step,
                "FLOOR_SCHEMA": schema,
                "FLOOR_DATABASE_URL": POSTGRES_URL,
                "FLOOR_REDIS_URL": REDIS_URL,
            }
            command = [sys.executable, "-m", "gunicorn", "intake_floor:application"]
            command += ["--bind", f"127.0.0.1:{port}", "--workers", str(args.workers)]
            command += ["--threads", str(args.threads), "--backlog", "2048", "--access-logfile", "/dev/null"]
            server = subprocess.Popen(
                command,
                cwd=HERE,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                url = f"http://127.0.0.1:{port}"
                wait_ready(url)
                figures = load(url, args.concurrency, args.seconds)
            finally:
                server.terminate()
                server.wait(30)
            print(
                f"{step:<18}{figures['rps']:>9.1f}{figures['p50_ms'] or 0:>9.1f}"
                f"{figures['p99_ms'] or 0:>9.1f}{figures['errors']:>8}{os.getloadavg()[0]:>7.2f}"
            )
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
        import redis

        redis.Redis.from_url(REDIS_URL).delete(f"{schema}:queue")


def wait_ready(url: str) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/ready", timeout=2).read()
            return
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def load(url: str, concurrency: int, seconds: float) -> dict:
    command = [sys.executable, str(HERE / "loadgen.py"), url, "--mode", "post"]
    command += ["--concurrency", str(concurrency), "--seconds", str(seconds)]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


# --- the application gunicorn serves (imported in the server processes only) ------------

if "FLOOR_STEP" in os.environ:
    import django
    import environ
    import redis
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from django.db import connection, transaction
    from django.http import HttpResponse, JsonResponse
    from django.urls import path

    STEP = os.environ["FLOOR_STEP"]
    SCHEMA = os.environ["FLOOR_SCHEMA"]
    database = environ.Env.db_url_config(os.environ["FLOOR_DATABASE_URL"])
    settings.configure(
        DEBUG=False,
        SECRET_KEY="floor-benchmark-" + "x" * 40,
        ALLOWED_HOSTS=["127.0.0.1"],
        ROOT_URLCONF=__name__,
        # CommonMiddleware sets Content-Length, which the load process needs.
        MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
        DATABASES={"default": database | {"CONN_MAX_AGE": 60}},
    )
    django.setup()
    broker = redis.Redis.from_url(os.environ["FLOOR_REDIS_URL"])

    def insert(cursor, table: str, ticket_id, data: dict) -> int:
        # The schema and table names are this benchmark's own, never input.
        cursor.execute(
            f"INSERT INTO {SCHEMA}.{table} (ticket_id, subject, body, email) "  # noqa: S608
            "VALUES (%s, %s, %s, %s) RETURNING id",
            [ticket_id, data["subject"], data["body"], data["customer_email"]],
        )
        return cursor.fetchone()[0]

    def tickets(request):
        data = json.loads(request.body)
        ticket_id = 0
        if STEP in ("insert", "insert+enqueue"):
            with connection.cursor() as cursor:
                ticket_id = insert(cursor, "ticket", None, data)
        elif STEP == "three rows":
            with transaction.atomic(), connection.cursor() as cursor:
                ticket_id = insert(cursor, "ticket", None, data)
                insert(cursor, "audit", ticket_id, data)
                insert(cursor, "message", ticket_id, data)
        if STEP != "bare" and STEP != "insert":
            broker.rpush(f"{SCHEMA}:queue", ticket_id)
        return JsonResponse({"id": ticket_id, "subject": data["subject"]}, status=201)

    urlpatterns = [
        path("tickets/", tickets),
        path("ready", lambda request: HttpResponse("ok")),
    ]
    application = get_wsgi_application()


if __name__ == "__main__":
    main()
