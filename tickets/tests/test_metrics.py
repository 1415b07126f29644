"""Prometheus metrics at /metrics: who may scrape them, and that they count what happens."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from ai_engine.tests.fake_openai import FakeOpenAI, Reply
from tickets.models import DecidedBy, Message, Status
from tickets.services.answers import AnswerNotSent, answer_send
from tickets.services.confirmation import ConfirmationNotSent, confirmation_send
from tickets.services.conversation import customer_reopen, customer_reply
from tickets.services.decisions import triage_run
from tickets.services.review import review_approve
from tickets.services.submission import ticket_submit
from tickets.tests.factories import TicketFactory
from tickets.tests.live import ROOT, LiveStack

FORM = {"subject": "Export", "body": "How do I export my projects to CSV?", "customer_email": "m@example.com"}


def counted(name: str, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def scrape(client, **headers) -> dict[tuple, float]:
    response = client.get("/metrics", **headers)
    assert response.status_code == 200
    return samples(response.content.decode())


def samples(text: str) -> dict[tuple, float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


# --- access -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_scraper_on_loopback_gets_request_and_domain_metrics(client):
    client.get("/")

    text = client.get("/metrics").content.decode()

    assert "django_http_requests_total_by_method_total" in text  # django-prometheus
    for name in (
        "supportdesk_review_backlog_tickets",
        "supportdesk_review_backlog_oldest_age_seconds",
        "supportdesk_sla_overdue_tickets",
    ):
        assert f"# TYPE {name} gauge" in text


@pytest.mark.django_db
def test_anyone_else_is_refused(client):
    response = client.get("/metrics", REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 403
    assert b"supportdesk" not in response.content


@pytest.mark.django_db
def test_a_scraper_with_the_token_is_let_in_from_anywhere(client, settings):
    settings.METRICS_TOKEN = "scrape-secret-123"

    right = client.get("/metrics", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer scrape-secret-123")
    wrong = client.get("/metrics", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer scrape-secret-124")

    assert (right.status_code, wrong.status_code) == (200, 403)


@pytest.mark.django_db
def test_allowed_addresses_are_networks_from_the_setting(client, settings):
    from supportdesk.config import parse_networks

    settings.METRICS_ALLOWED_ADDRESSES = parse_networks("10.0.0.0/8")

    assert client.get("/metrics", REMOTE_ADDR="10.20.30.40").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 403


# --- what is counted ----------------------------------------------------------------------


@pytest.mark.django_db
def test_tickets_created_are_counted_by_source(api, client, django_capture_on_commit_callbacks):
    before_api = counted("supportdesk_tickets_created_total", source="api")
    before_form = counted("supportdesk_tickets_created_total", source="web_form")

    with django_capture_on_commit_callbacks(execute=True):
        api.post("/tickets/", FORM, format="json")
        client.post(reverse("portal:submit"), FORM)

    assert counted("supportdesk_tickets_created_total", source="api") == before_api + 1
    assert counted("supportdesk_tickets_created_total", source="web_form") == before_form + 1


@pytest.mark.django_db
def test_routing_is_counted_by_outcome_and_rule_with_the_engines_latency():
    ticket = TicketFactory(subject="Charged twice", body="I was billed twice this month.")
    routed = (
        "supportdesk_tickets_routed_total",
        {"outcome": "awaiting_review", "rule": "guard:money_taken_wrongly"},
    )
    before = counted(routed[0], **routed[1])
    calls = counted("supportdesk_engine_latency_seconds_count", engine="local")

    triage_run(ticket_id=ticket.pk, engine_name="local")

    assert counted(routed[0], **routed[1]) == before + 1
    assert counted("supportdesk_engine_latency_seconds_count", engine="local") == calls + 1


@pytest.mark.django_db
@pytest.mark.parametrize("reply, kind", [(Reply(status=503), "http"), (Reply(content="not json"), "schema")])
def test_engine_failures_are_counted_by_kind(reply, kind):
    server = FakeOpenAI().start()
    server.script(reply)
    before = counted("supportdesk_engine_failures_total", engine="openai", kind=kind)
    try:
        with override_settings(OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=server.base_url, AI_MAX_RETRIES=0):
            triage_run(ticket_id=TicketFactory().pk, engine_name="openai")
    finally:
        server.stop()

    assert counted("supportdesk_engine_failures_total", engine="openai", kind=kind) == before + 1


@pytest.mark.django_db
def test_reopened_answers_are_counted_by_who_answered():
    ticket = TicketFactory(status=Status.AUTO_RESOLVED, decided_by=DecidedBy.AI, resolution="A.")
    Message.objects.create(ticket=ticket, kind="auto_reply", body="A.", outcome="pending")
    before = counted("supportdesk_tickets_reopened_total", answered_by="auto_reply")

    customer_reopen(ticket_id=ticket.pk)
    customer_reply(ticket_id=ticket.pk, body="still")  # already reopened: counted once

    assert counted("supportdesk_tickets_reopened_total", answered_by="auto_reply") == before + 1


@pytest.mark.django_db
def test_emails_the_server_refused_are_counted(settings, agent):
    settings.EMAIL_BACKEND = "tickets.tests.test_review.FailingBackend"
    ticket, _ = ticket_submit(**FORM)
    queued = TicketFactory(
        status=Status.AWAITING_REVIEW, intent="billing", priority="low", suggestion="S.", policy_keys=["p"]
    )
    review_approve(ticket_id=queued.pk, actor=agent)
    answers = counted("supportdesk_emails_failed_total", email="answer")
    confirmations = counted("supportdesk_emails_failed_total", email="confirmation")

    with pytest.raises(AnswerNotSent):
        answer_send(ticket_id=queued.pk)
    with pytest.raises(ConfirmationNotSent):
        confirmation_send(ticket_id=ticket.pk)

    assert counted("supportdesk_emails_failed_total", email="answer") == answers + 1
    assert counted("supportdesk_emails_failed_total", email="confirmation") == confirmations + 1
    ticket.refresh_from_db()
    assert ticket.confirmation_sent_at is None  # free to try again


@pytest.mark.django_db
def test_a_response_after_its_target_counts_as_an_sla_breach(agent):
    late = TicketFactory(
        status=Status.AWAITING_REVIEW,
        intent="billing",
        priority="high",
        suggestion="S.",
        policy_keys=["p"],
        sla_started_at=timezone.now() - timedelta(hours=3),
    )
    on_time = TicketFactory(
        status=Status.AWAITING_REVIEW, intent="billing", priority="high", suggestion="S.", policy_keys=["p"]
    )
    before = counted("supportdesk_sla_breaches_total", priority="high")

    for ticket in (late, on_time):
        review_approve(ticket_id=ticket.pk, actor=agent)
        answer_send(ticket_id=ticket.pk)

    assert counted("supportdesk_sla_breaches_total", priority="high") == before + 1
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_backlog_oldest_wait_and_overdue_are_read_at_scrape_time(client):
    now = timezone.now()
    TicketFactory(status=Status.AWAITING_REVIEW, priority="high", sla_started_at=now - timedelta(hours=2))
    TicketFactory(status=Status.AWAITING_REVIEW, priority="high", sla_started_at=now - timedelta(minutes=5))
    TicketFactory(status=Status.AWAITING_REVIEW, priority="low", sla_started_at=now - timedelta(hours=1))
    TicketFactory(status=Status.RESOLVED, priority="low", sla_started_at=now - timedelta(days=9))

    found = scrape(client)

    assert found[("supportdesk_review_backlog_tickets", (("priority", "high"),))] == 2
    assert found[("supportdesk_review_backlog_tickets", (("priority", "low"),))] == 1
    oldest = found[("supportdesk_review_backlog_oldest_age_seconds", ())]
    assert 7200 <= oldest < 7300
    assert found[("supportdesk_sla_overdue_tickets", (("priority", "high"),))] == 1
    assert ("supportdesk_sla_overdue_tickets", (("priority", "low"),)) not in found


# --- several processes ------------------------------------------------------------------------


@pytest.mark.integration
def test_counts_add_up_across_gunicorn_and_worker_processes(tmp_path):
    """Three web workers take the POSTs, two queue workers triage: one scrape sees every count."""
    metrics_dir = tmp_path / "prometheus"
    tickets = 30
    with LiveStack(tmp_path, PROMETHEUS_MULTIPROC_DIR=str(metrics_dir)) as stack:
        stack.start_web(workers=3)
        stack.start_workers(Q_WORKERS="2")
        with ThreadPoolExecutor(max_workers=6) as pool:
            list(pool.map(stack.submit, range(tickets)))
        counts = stack.wait_until_routed(tickets, timeout=120)
        assert sum(counts.values()) == tickets, stack.log("worker")[-3000:]
        time.sleep(0.5)  # the last worker writes its counter right after the row

        scrapes = []
        for _ in range(4):  # each scrape may land on another web worker: all must agree
            with urllib.request.urlopen(f"{stack.url}/metrics", timeout=10) as response:
                scrapes.append(samples(response.read().decode()))

    assert len({f for f in os.listdir(metrics_dir) if f.startswith("counter_")}) >= 4  # 3 web + workers
    for found in scrapes:
        assert found[("supportdesk_tickets_created_total", (("source", "api"),))] == tickets
        routed = sum(v for (name, _), v in found.items() if name == "supportdesk_tickets_routed_total")
        assert routed == tickets
        latency = found[("supportdesk_engine_latency_seconds_count", (("engine", "local"),))]
        assert latency == tickets
        posts = sum(
            v
            for (name, labels), v in found.items()
            if name == "django_http_requests_total_by_method_total" and dict(labels).get("method") == "POST"
        )
        assert posts == tickets


@pytest.mark.integration
def test_make_runs_serve_adds_the_workers_counts_to_metrics(tmp_path):
    """`make run` serves with runserver and qcluster: triage counted in the worker shows on /metrics."""
    metrics_dir = tmp_path / "prometheus"
    metrics_dir.mkdir()
    (metrics_dir / "counter_99999.db").write_bytes(b"stale from an earlier run")
    with LiveStack(
        tmp_path, database="sqlite", DEBUG="true", PROMETHEUS_MULTIPROC_DIR=str(metrics_dir)
    ) as stack:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "serve", "--addr", f"127.0.0.1:{stack.port}"],
            cwd=ROOT,
            env=stack.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            stack.wait_ready()
            stack.submit(1)
            assert sum(stack.wait_until_routed(1, timeout=60).values()) == 1
            time.sleep(0.5)
            with urllib.request.urlopen(f"{stack.url}/metrics", timeout=10) as response:
                found = samples(response.read().decode())
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=40)

    routed = sum(v for (name, _), v in found.items() if name == "supportdesk_tickets_routed_total")
    assert routed == 1  # counted by the worker process, reported by the web process
    assert found[("supportdesk_tickets_created_total", (("source", "api"),))] == 1
