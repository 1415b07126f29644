"""Triage with an LLM: many calls in flight per worker, and every guarantee of one call at a time."""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django_q.models import OrmQ

from ai_engine.tests.fake_openai import FakeOpenAI, Reply, decision_json
from tickets.models import Decision, Status, Ticket
from tickets.services.triage import tickets_claim
from tickets.services.triage_concurrent import claim_budget_seconds
from tickets.tasks import triage_ticket
from tickets.tests.factories import TicketFactory

ROUTED = {Status.AUTO_RESOLVED, Status.AWAITING_REVIEW}


@pytest.fixture
def llm():
    server = FakeOpenAI().start()
    with override_settings(
        AI_ENGINE="openai",
        OPENAI_API_KEY="sk-test",
        OPENAI_BASE_URL=server.base_url,
        AI_MAX_RETRIES=0,
        AI_LLM_CONCURRENCY=4,
    ):
        yield server
    server.stop()


@pytest.fixture
def orm_queue():
    """The real ORM broker instead of running tasks inline: what a worker would see."""
    with override_settings(Q_CLUSTER={k: v for k, v in settings.Q_CLUSTER.items() if k != "sync"}):
        from django_q.conf import Conf

        previous, Conf.SYNC = Conf.SYNC, False
        yield
        Conf.SYNC = previous


def waiting(count: int, subject: str = "", body: str = "How do I export my projects to CSV?") -> list[Ticket]:
    """Tickets waiting for triage; numbered subjects unless `subject` makes them identical."""
    return [TicketFactory(subject=subject or f"Export question {n}", body=body) for n in range(count)]


def statuses(tickets) -> list[str]:
    return [Ticket.objects.get(pk=t.pk).status for t in tickets]


@pytest.mark.django_db
def test_one_task_triages_every_waiting_ticket_with_calls_in_parallel(llm):
    llm.default = Reply(content=decision_json(), delay=0.2)
    tickets = waiting(8)

    summary = triage_ticket(tickets[0].pk)

    assert set(statuses(tickets)) <= ROUTED, summary
    assert llm.peak_in_flight == 4  # AI_LLM_CONCURRENCY calls at once, never more
    assert len(llm.requests) == 8
    assert Decision.objects.filter(applied=True).count() == 8


@pytest.mark.django_db
def test_a_ticket_claimed_by_another_worker_is_not_triaged_again(llm):
    tickets = waiting(3)
    taken_elsewhere = tickets_claim(first_ticket_id=tickets[0].pk, limit=1)

    triage_ticket(tickets[0].pk)

    assert [t.pk for t in taken_elsewhere] == [tickets[0].pk]
    assert statuses(tickets)[0] == Status.TRIAGING  # left to the worker that claimed it
    assert set(statuses(tickets)[1:]) <= ROUTED
    assert not Decision.objects.filter(ticket=tickets[0]).exists()
    assert len(llm.requests) == 2


@pytest.mark.django_db
def test_claims_of_two_workers_never_share_a_ticket():
    waiting(6)

    first = tickets_claim(limit=4)
    second = tickets_claim(limit=4)

    assert len(first) == 4 and len(second) == 2
    assert not {t.pk for t in first} & {t.pk for t in second}
    assert tickets_claim(limit=4) == []


@pytest.mark.django_db(transaction=True)
def test_racing_tasks_triage_each_ticket_exactly_once(llm):
    llm.default = Reply(content=decision_json(), delay=0.05)
    tickets = waiting(20)

    def task(ticket_id):
        try:
            triage_ticket(ticket_id)
        finally:
            connection.close()

    threads = [threading.Thread(target=task, args=(t.pk,)) for t in tickets[:3]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert set(statuses(tickets)) <= ROUTED
    assert [Decision.objects.filter(ticket=t, applied=True).count() for t in tickets] == [1] * 20
    assert len(llm.requests) == 20


@pytest.mark.django_db(transaction=True)
def test_no_transaction_is_open_while_the_model_answers(llm):
    llm.default = Reply(content=decision_json(), delay=1.5)
    ticket, bystander = waiting(1)[0], TicketFactory(status=Status.AWAITING_REVIEW)
    worker = threading.Thread(target=lambda: (triage_ticket(ticket.pk), connection.close()))
    worker.start()
    deadline = time.monotonic() + 5
    while not llm.in_flight and time.monotonic() < deadline:
        time.sleep(0.02)

    Ticket.objects.filter(pk=bystander.pk).update(subject="Edited while the model thinks")
    still_thinking = llm.in_flight == 1
    worker.join()

    assert still_thinking  # the write above did not wait for the call to end
    assert Ticket.objects.get(pk=ticket.pk).status in ROUTED


@pytest.mark.django_db
def test_calls_start_only_while_they_can_end_before_the_task_timeout(llm):
    tickets = waiting(6)
    worst_call = settings.AI_TIMEOUT_SECONDS * (settings.AI_MAX_RETRIES + 1) + 10

    with override_settings(AI_LLM_CONCURRENCY=2, Q_TIMEOUT=int(worst_call)):
        assert claim_budget_seconds() == 0
        triage_ticket(tickets[0].pk)

    # Only the first claim (the given ticket and one more), started at once: the rest wait.
    assert statuses(tickets).count(Status.NEW) == 4
    assert claim_budget_seconds() == settings.Q_TIMEOUT - worst_call > 0


@pytest.mark.django_db
def test_a_call_queued_behind_slow_ones_past_the_budget_never_starts_and_its_ticket_waits(llm):
    # One thread, so the second claimed ticket waits in the pool's queue behind the first,
    # whose call outlasts the 1 s budget: starting it then could end after Q_TIMEOUT.
    llm.default = Reply(content=decision_json(), delay=1.5)
    first, second = waiting(2)
    worst_call = settings.AI_TIMEOUT_SECONDS * (settings.AI_MAX_RETRIES + 1) + 10

    with override_settings(AI_LLM_CONCURRENCY=1, Q_TIMEOUT=int(worst_call) + 1):
        triage_ticket(first.pk)

    assert statuses([first, second])[1] == Status.NEW
    assert statuses([first, second])[0] in ROUTED
    second.refresh_from_db()
    assert (second.triage_attempts, second.routing_rule) == (0, "")
    assert len(llm.requests) == 1  # the second call was never made


@pytest.mark.django_db
def test_a_thread_whose_call_returns_starts_the_next_without_waiting_for_the_worker(llm, monkeypatch):
    # Storing a decision is slow here (0.2 s): the fifth call must not wait for it.
    from tickets.services import triage_concurrent

    apply = triage_concurrent.triage_apply

    def slow_apply(**kwargs):
        time.sleep(0.2)
        return apply(**kwargs)

    monkeypatch.setattr(triage_concurrent, "triage_apply", slow_apply)
    llm.default = Reply(content=decision_json(), delay=0.3)
    tickets = waiting(8)

    triage_ticket(tickets[0].pk)

    assert set(statuses(tickets)) <= ROUTED
    assert llm.peak_in_flight == 4  # still AI_LLM_CONCURRENCY calls at once, never more
    starts = sorted(r["at"] for r in llm.requests)
    assert starts[4] - starts[0] < 0.3 + 0.15  # as the first call returned, not 0.2 s later


@pytest.mark.django_db
def test_model_faults_send_the_tickets_to_review(llm):
    llm.default = Reply(status=500)
    tickets = waiting(5)

    triage_ticket(tickets[0].pk)

    routed = Ticket.objects.filter(pk__in=[t.pk for t in tickets])
    assert {(t.status, t.routing_rule) for t in routed} == {(Status.AWAITING_REVIEW, "engine_failed")}


@pytest.mark.django_db
def test_identical_tickets_in_one_batch_share_one_model_call(llm):
    llm.default = Reply(content=decision_json(), delay=0.2)
    twins = waiting(3, subject="Export to CSV")
    other = waiting(1, subject="Something else")

    triage_ticket(twins[0].pk)

    assert set(statuses(twins + other)) <= ROUTED
    assert len(llm.requests) == 2
    assert Decision.objects.filter(reused_from__isnull=False).count() == 2


@pytest.mark.django_db
def test_a_429_pauses_every_call_of_the_worker_and_no_ticket_is_lost(llm):
    llm.default = Reply(content=decision_json(), delay=0.2)
    llm.retry_after = "1"
    llm.script(Reply(status=429))
    tickets = waiting(8)

    triage_ticket(tickets[0].pk)

    assert set(statuses(tickets)) <= ROUTED
    assert not Ticket.objects.filter(routing_rule="engine_failed").exists()
    limited_at = llm.requests[0]["at"]
    later = [r["at"] - limited_at for r in llm.requests[4:]]  # after the first wave of 4
    assert len(llm.requests) == 9  # 8 tickets, one of them asked twice
    assert min(later) >= 0.95  # nobody called while the server's Retry-After ran


@pytest.mark.django_db
def test_a_rate_limit_that_outlasts_the_task_hands_the_ticket_back_untouched(
    llm, orm_queue, django_capture_on_commit_callbacks
):
    llm.rate_limit_fraction = 1.0
    llm.retry_after = "30"
    ticket = waiting(1)[0]
    worst_call = settings.AI_TIMEOUT_SECONDS * (settings.AI_MAX_RETRIES + 1) + 10

    with override_settings(Q_TIMEOUT=int(worst_call)), django_capture_on_commit_callbacks(execute=True):
        triage_ticket(ticket.pk)

    ticket.refresh_from_db()
    assert (ticket.status, ticket.triage_attempts, ticket.routing_rule) == (Status.NEW, 0, "")
    assert not Decision.objects.filter(ticket=ticket).exists()
    queued = [(m.task["func"], m.task["args"]) for m in OrmQ.objects.all()]
    assert queued == [("tickets.tasks.triage_ticket", (ticket.pk,))]


@pytest.mark.django_db
def test_local_engine_triages_only_the_ticket_it_was_given():
    tickets = waiting(3)

    triage_ticket(tickets[0].pk)

    assert statuses(tickets)[0] in ROUTED
    assert statuses(tickets)[1:] == [Status.NEW, Status.NEW]


@pytest.mark.django_db
def test_a_batch_reads_policies_and_thresholds_once_and_reads_each_ticket_once_to_write_it(llm):
    tickets = waiting(12)

    with CaptureQueriesContext(connection) as queries:
        triage_ticket(tickets[0].pk)

    assert set(statuses(tickets)) <= ROUTED
    sql = [query["sql"] for query in queries]
    assert sum('FROM "tickets_policy"' in s for s in sql) == 1
    assert sum('FROM "tickets_intentthreshold"' in s for s in sql) == 1
    assert sum(s.startswith('INSERT INTO "tickets_decision"') for s in sql) == 12
    # Whole-row reads of tickets: one per claim (the claimed rows) and one per write (the
    # locked row). A re-read after the write would add one per ticket.
    claims = sum(s.startswith('UPDATE "tickets_ticket" SET "status" = \'triaging\'') for s in sql)
    row_reads = sum(s.startswith('SELECT "tickets_ticket"."id", "tickets_ticket"."subject"') for s in sql)
    assert row_reads == claims + 12
