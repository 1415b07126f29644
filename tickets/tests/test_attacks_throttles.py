"""Throttles that hold: no header, login or second process gets a caller past them."""

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.core.cache import cache
from django.test import override_settings
from rest_framework.test import APIClient

from tickets.models import Ticket
from tickets.tests.factories import TicketFactory
from tickets.tests.live import ROOT, LiveStack, free_port, redis_available
from tickets.tests.personas import persona_client, post_json
from tickets.tests.test_workers_live import require

VALID = {
    "subject": "Cannot export",
    "body": "The CSV export never starts.",
    "customer_email": "a@example.com",
}


@pytest.fixture(autouse=True)
def fresh_counters(request):
    # In-process tests count in the test database's cache table; start each from zero.
    if request.node.get_closest_marker("django_db") is None:
        yield
        return
    request.getfixturevalue("db")
    cache.clear()
    yield
    cache.clear()


def create_statuses(clients_or_headers, client=None) -> list[int]:
    statuses = []
    for extra in clients_or_headers:
        statuses.append(post_json(client or APIClient(), "/tickets/", VALID, **extra).status_code)
    return statuses


@pytest.mark.django_db
@override_settings(TICKETS_ANON_RATE="3/minute")
def test_a_new_x_forwarded_for_per_request_does_not_buy_more_tickets():
    spoofed = [{"HTTP_X_FORWARDED_FOR": f"203.0.113.{n}"} for n in range(6)]

    assert create_statuses(spoofed) == [201, 201, 201, 429, 429, 429]
    assert Ticket.objects.count() == 3


@pytest.mark.django_db
@override_settings(TICKETS_ANON_RATE="2/minute", TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_clients_are_told_apart_by_what_the_proxy_saw():
    # The proxy appends the address it saw; whatever the client wrote before that is ignored.
    alice = [{"HTTP_X_FORWARDED_FOR": f"10.9.9.{n}, 198.51.100.7"} for n in range(3)]
    bob = [{"HTTP_X_FORWARDED_FOR": "198.51.100.8"}]

    assert create_statuses(alice) == [201, 201, 429]
    assert create_statuses(bob) == [201]


@pytest.mark.django_db
@override_settings(TICKETS_ANON_RATE="2/minute")
@pytest.mark.parametrize("persona", ["user", "customer", "staff_without_permissions"])
def test_logging_in_does_not_lift_the_limit_unless_staff(persona):
    client = persona_client(persona, TicketFactory())
    statuses = [post_json(client, "/tickets/", VALID).status_code for _ in range(3)]

    expected = [201, 201, 201] if persona == "staff_without_permissions" else [201, 201, 429]
    assert statuses == expected


@pytest.mark.django_db
@override_settings(TICKETS_TOKEN_RATE="3/minute")
def test_guessing_customer_tokens_is_throttled_before_a_right_guess_can_land():
    ticket = TicketFactory()
    guesses = [APIClient().get(f"/tickets/{ticket.pk}", HTTP_X_TICKET_TOKEN=f"guess-{n}") for n in range(3)]
    right = APIClient().get(f"/tickets/{ticket.pk}", HTTP_X_TICKET_TOKEN=ticket.token)

    assert [r.status_code for r in guesses] == [404, 404, 404]
    assert right.status_code == 429
    assert int(right["Retry-After"]) > 0


@pytest.mark.django_db
@override_settings(TICKETS_TOKEN_RATE="3/minute")
def test_guessing_staff_tokens_is_throttled_and_a_valid_token_is_not_even_checked():
    agent = persona_client("agent", TicketFactory())
    wrong = APIClient()
    wrong.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")

    statuses = [wrong.get("/tickets/").status_code for _ in range(4)]

    assert statuses == [401, 401, 401, 429]
    assert agent.get("/tickets/").status_code == 429  # same address, same budget of guesses
    cache.clear()
    assert agent.get("/tickets/").status_code == 200  # a minute later (counters expired)


@pytest.mark.django_db
@pytest.mark.parametrize("rotate_forwarded_for", [False, True])
def test_admin_login_locks_out_after_repeated_failures(client, django_user_model, rotate_forwarded_for):
    django_user_model.objects.create_superuser("root", "root@example.com", "the-right-password")

    def login(password: str, n: int):
        extra = {"HTTP_X_FORWARDED_FOR": f"203.0.113.{n}"} if rotate_forwarded_for else {}
        return client.post("/admin/login/", {"username": "root", "password": password}, **extra)

    failures = [login("wrong", n) for n in range(5)]
    after = login("the-right-password", 99)

    assert [r.status_code for r in failures[:2]] == [200, 200]  # the form again, with an error
    assert failures[-1].status_code == 429
    assert after.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_good_admin_login_still_works(client, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.com", "the-right-password")

    response = client.post("/admin/login/", {"username": "root", "password": "the-right-password"})

    assert response.status_code == 302
    assert client.session["_auth_user_id"]


# --- two real processes share one budget ------------------------------------------------------


def _post(url: str) -> int:
    request = urllib.request.Request(
        f"{url}/tickets/", data=json.dumps(VALID).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _second_server(stack: LiveStack) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "supportdesk.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=stack.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=20):
                return process, url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("second server did not start")


@pytest.mark.integration
@pytest.mark.parametrize("broker", ["orm", "redis"], ids=["database-cache", "redis-cache"])
def test_two_server_processes_share_one_budget(tmp_path, broker):
    # Without REDIS_URL the counters live in a database table; with it, in Redis.
    if broker == "redis":
        require(redis_available(), "Redis")
    with LiveStack(tmp_path, database="sqlite", broker=broker, TICKETS_ANON_RATE="4/minute") as stack:
        stack.start_web(workers=1)
        second, second_url = _second_server(stack)
        try:
            statuses = [_post(url) for url in [stack.url, second_url] * 3]
        finally:
            second.kill()
            second.wait()

    assert sorted(statuses) == [201, 201, 201, 201, 429, 429], statuses
