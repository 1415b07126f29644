"""Outages are honest: 503 with Retry-After and a JSON body, never a traceback or a host name;
a ticket is never stored while its caller is told it failed."""

import json

import pytest
import redis
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import override_settings
from rest_framework.test import APIClient

from tickets.models import Ticket
from tickets.selectors import tickets_stuck
from tickets.tests.live import free_port
from tickets.tests.personas import persona_client, post_json

VALID = {
    "subject": "Cannot export",
    "body": "The CSV export never starts.",
    "customer_email": "a@example.com",
}
# What a driver says when the server is gone: none of it may reach the caller.
DRIVER_MESSAGE = 'connection to server at "10.1.2.3", port 5432 failed: password authentication for "app"'
LEAKS = ("10.1.2.3", "5432", "password", "Traceback", "OperationalError", "psycopg", "127.0.0.1")


@pytest.fixture
def database_down(monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OperationalError(DRIVER_MESSAGE)

    def enter():
        monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)

    return enter


@pytest.fixture
def redis_down():
    closed = f"redis://127.0.0.1:{free_port()}/0"
    cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": closed}
    with override_settings(CACHES={"default": cache}, REDIS_URL=closed):
        yield


def assert_honest_503(response, service: str) -> None:
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response["Content-Type"] == "application/json"
    assert response.json()["unavailable"] == service
    for leak in LEAKS:
        assert leak not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [False, True])
def test_api_calls_get_503_json_when_the_database_is_down(database_down, settings, debug):
    settings.DEBUG = debug
    client = persona_client(
        "agent",
        ticket := Ticket.objects.create(
            subject="s", body="b", customer_email="c@example.com", access_token_hash="0" * 64
        ),
    )
    database_down()

    assert_honest_503(client.get("/tickets/"), "database")
    assert_honest_503(client.get(f"/tickets/{ticket.pk}"), "database")
    assert_honest_503(post_json(APIClient(), "/tickets/", VALID), "database")


@pytest.mark.django_db
def test_admin_pages_get_a_plain_503_page_not_a_debug_page(database_down, client, settings, admin_user):
    settings.DEBUG = True  # `make run`'s default
    client.force_login(admin_user)
    database_down()

    response = client.get("/admin/tickets/ticket/", HTTP_ACCEPT="text/html")

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "Temporarily unavailable" in page
    for leak in LEAKS:
        assert leak not in page


@pytest.mark.django_db
def test_with_redis_down_a_customer_gets_503_and_nothing_is_stored(redis_down):
    response = post_json(APIClient(), "/tickets/", VALID)

    assert_honest_503(response, "redis")
    assert Ticket.objects.count() == 0


@pytest.mark.django_db
def test_with_the_broker_down_staff_get_their_ticket_and_the_sweeper_takes_it_from_there(
    redis_down, monkeypatch, settings, django_capture_on_commit_callbacks
):
    def broker_down(*args, **kwargs):
        raise redis.exceptions.ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr("tickets.queue.enqueue", broker_down)
    settings.SWEEP_NEW_AFTER_SECONDS = 0
    agent = persona_client("agent", None)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_json(agent, "/tickets/", VALID)

    assert response.status_code == 201  # stored, and the caller is told so, with its id
    ticket = Ticket.objects.get(pk=response.json()["id"])
    assert ticket.status == "new"
    assert ticket.pk in tickets_stuck()["triage"]  # the sweeper re-enqueues it


@pytest.mark.django_db
def test_readyz_says_which_service_is_down_and_nothing_else(database_down, client):
    database_down()

    response = client.get("/readyz")

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response.json() == {
        "status": "unavailable",
        "database": "unavailable",
        "cache": "unavailable",
        "broker": "unavailable",
    }


@pytest.mark.django_db
def test_readyz_reports_redis_down_while_the_database_answers(redis_down, client):
    body = client.get("/readyz").json()

    assert body == {
        "status": "unavailable",
        "database": "ok",
        "cache": "unavailable",
        "broker": "unavailable",
    }
    assert "6379" not in json.dumps(body)


@pytest.mark.django_db
def test_an_unexpected_error_with_debug_off_is_a_short_json_500(monkeypatch, settings):
    settings.DEBUG = False

    def crash(*args, **kwargs):
        raise RuntimeError("secret internals at /srv/app/settings.py")

    monkeypatch.setattr("tickets.api.ticket_submit", crash)
    client = APIClient(raise_request_exception=False)

    response = post_json(client, "/tickets/", VALID)

    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error. It has been logged."}
