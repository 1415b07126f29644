"""Warm processes: the web and the workers load what they need when they start, once."""

import pytest
from django.db import connection
from django.test import override_settings
from django_q.conf import Conf
from django_q.signals import post_spawn

from ai_engine.tests.fake_openai import FakeOpenAI, Reply, decision_json
from tickets import warmup
from tickets.models import Status, Ticket
from tickets.services.engine import engine_get
from tickets.tasks import triage_ticket
from tickets.tests.factories import TicketFactory


@pytest.fixture
def llm():
    server = FakeOpenAI().start()
    with override_settings(
        AI_ENGINE="openai", OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=server.base_url, AI_MAX_RETRIES=0
    ):
        yield server
    server.stop()


def test_web_warm_up_opens_no_database_connection():
    # It runs in gunicorn's master before the fork: a connection there would be shared.
    connection.close()

    warmup.web_warm()

    assert connection.connection is None


@pytest.mark.django_db
def test_a_spawned_worker_builds_its_engine_before_its_first_ticket(llm, monkeypatch):
    monkeypatch.setattr(warmup, "_worker_warmed", False)
    monkeypatch.setattr(Conf, "SYNC", False)

    post_spawn.send(sender="django_q", proc_name="Process-1:1")

    assert warmup._worker_warmed
    assert engine_get() is engine_get()  # built once, kept for the process


@pytest.mark.django_db
def test_calls_of_one_process_reuse_their_connections_to_the_model(llm):
    llm.default = Reply(content=decision_json(), delay=0.05)
    tickets = [TicketFactory(subject=f"Export question {n}") for n in range(12)]

    with override_settings(AI_LLM_CONCURRENCY=2):
        triage_ticket(tickets[0].pk)

    assert {t.status for t in Ticket.objects.all()} <= {Status.AUTO_RESOLVED, Status.AWAITING_REVIEW}
    assert len(llm.requests) == 12
    assert len({r["peer"] for r in llm.requests}) <= 2  # one connection per call in flight
