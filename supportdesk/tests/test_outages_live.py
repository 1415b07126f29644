"""Outages against real processes: gunicorn with its database or Redis pointed at closed ports."""

import json
import uuid

import pytest

from supportdesk.tests.live_http import call, serving
from tickets.tests.live import LiveStack, free_port

pytestmark = pytest.mark.integration

VALID = {
    "subject": "Cannot export",
    "body": "The CSV export never starts.",
    "customer_email": "a@example.com",
}
LEAKS = ("Traceback", "OperationalError", "psycopg", "Connection refused", "connect", "127.0.0.1:")


def assert_honest_503(status: int, headers: dict, text: str, closed_port: int) -> None:
    assert status == 503, text[:500]
    assert int(headers["Retry-After"]) > 0
    for leak in (*LEAKS, str(closed_port)):
        assert leak not in text, text[:500]


def test_database_on_a_closed_port_gives_503s_even_with_debug_on(tmp_path):
    closed = free_port()
    env = LiveStack(tmp_path).env | {
        "DATABASE_URL": f"postgres://app:hunter2@127.0.0.1:{closed}/supportdesk",
        "DEBUG": "true",  # `make run`'s default: still no debug page
    }
    with serving(env) as url:
        created = call(f"{url}/tickets/", data=VALID)
        listed = call(f"{url}/tickets/", headers={"Authorization": "Token " + "a" * 40})
        read = call(f"{url}/tickets/{uuid.uuid4()}", headers={"Authorization": "Bearer some-token"})
        admin = call(f"{url}/admin/", headers={"Accept": "text/html", "Cookie": "sessionid=" + "x" * 32})
        ready = call(f"{url}/readyz")

    for status, headers, text in (created, listed, read, admin, ready):
        assert_honest_503(status, headers, text, closed)
    assert json.loads(created[2])["unavailable"] == "database"
    assert "Temporarily unavailable" in admin[2]
    assert "hunter2" not in ready[2]
    assert json.loads(ready[2]) == {
        "status": "unavailable",
        "database": "unavailable",
        "cache": "unavailable",
        "broker": "unavailable",
    }


def test_redis_on_a_closed_port_refuses_customers_honestly_and_keeps_staff_tickets(tmp_path):
    closed = free_port()
    # A rate that can bind, as in production: counting it needs Redis (a rate no client can
    # reach is not counted at all, so such a POST would not notice Redis is gone).
    with LiveStack(
        tmp_path,
        REDIS_URL=f"redis://127.0.0.1:{closed}/0",
        SWEEP_NEW_AFTER_SECONDS=0,
        TICKETS_ANON_RATE="30/minute",
    ) as stack:
        stack.manage("createsuperuser", "--noinput", "--username", "ops", "--email", "ops@example.com")
        key = stack.manage("drf_create_token", "ops").split()[2]
        with serving(stack.env) as url:
            customer = call(f"{url}/tickets/", data=VALID)
            staff = call(f"{url}/tickets/", data=VALID, headers={"Authorization": f"Token {key}"})
            ready = call(f"{url}/readyz")
        stored = stack.sql("SELECT id, status FROM tickets_ticket")
        swept = stack.manage(
            "shell", "-c", "from tickets.selectors import tickets_stuck; print(tickets_stuck())"
        )

    assert_honest_503(*customer, closed)
    assert json.loads(customer[2])["unavailable"] == "redis"
    assert staff[0] == 201, staff[2][:500]
    ticket_id = json.loads(staff[2])["id"]
    assert [(str(uuid.UUID(str(row[0]))), row[1]) for row in stored] == [(ticket_id, "new")]
    assert ticket_id.replace("-", "") in swept.replace("-", "")  # the sweeper will enqueue it
    assert_honest_503(*ready, closed)
    assert json.loads(ready[2]) == {
        "status": "unavailable",
        "database": "ok",
        "cache": "unavailable",
        "broker": "unavailable",
    }
