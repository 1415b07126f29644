"""Integration: real gunicorn and qcluster processes on SQLite, PostgreSQL and Redis.

Every submitted ticket must reach a routed state with exactly one applied
decision, including when a worker is SIGKILLed in the middle of a task.
"""

import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from ai_engine.tests.fake_openai import FakeOpenAI, Reply, decision_json
from tickets.tests.live import LiveStack, postgres_available, redis_available

pytestmark = pytest.mark.integration

TICKETS = 200
ROUTED = {"auto_resolved", "awaiting_review"}


def require(available: bool, what: str) -> None:
    # In CI the services must be there: a missing one fails the run instead of skipping.
    if not available:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is not reachable")
        pytest.skip(f"{what} is not reachable on this machine")


def submit_all(stack: LiveStack, n: int) -> list[str]:
    with ThreadPoolExecutor(max_workers=8) as pool:
        return [ticket["id"] for ticket in pool.map(stack.submit, range(n))]


def assert_each_routed_once(stack: LiveStack, ids: list[str]) -> None:
    counts = stack.wait_until_routed(len(ids), timeout=180)
    assert set(counts) <= ROUTED, f"not all routed: {counts}\n{stack.log('worker')[-3000:]}"
    assert sum(counts.values()) == len(ids)
    applied = dict(
        stack.sql(
            "SELECT ticket_id, COUNT(*) FROM tickets_decision WHERE applied = ? GROUP BY ticket_id", (True,)
        )
    )
    assert len(applied) == len(ids)
    assert set(applied.values()) == {1}, "a ticket got more than one applied decision"


@pytest.mark.parametrize(
    "database, broker",
    [("postgres", "orm"), ("postgres", "redis"), ("sqlite", "orm")],
)
def test_two_hundred_tickets_through_the_api_are_each_routed_exactly_once(tmp_path, database, broker):
    if database == "postgres":
        require(postgres_available(), "PostgreSQL")
    if broker == "redis":
        require(redis_available(), "Redis")

    with LiveStack(tmp_path, database=database, broker=broker, Q_WORKERS=2) as stack:
        stack.start_web(workers=2)
        stack.start_workers()
        ids = submit_all(stack, TICKETS)

        assert_each_routed_once(stack, ids)
        logs = stack.log("web") + stack.log("worker")
        assert "database is locked" not in logs
        assert "Traceback" not in logs, logs[-3000:]


def test_sigkilled_worker_mid_task_still_ends_with_the_ticket_routed_once(tmp_path):
    require(postgres_available(), "PostgreSQL")
    llm = FakeOpenAI().start()
    # A model call that takes 4 s: long enough to kill the worker while it waits.
    llm.script(Reply(content=decision_json(), delay=4.0))
    limits = {
        "AI_ENGINE": "openai",
        "OPENAI_SECRET": "test-key",
        "OPENAI_BASE_URL": llm.base_url,
        "AI_TIMEOUT_SECONDS": 5,
        "AI_MAX_RETRIES": 0,
        "Q_TIMEOUT": 16,
        "Q_RETRY": 18,
        "TRIAGE_STALE_SECONDS": 6,
    }
    try:
        with LiveStack(tmp_path, database="postgres", broker="orm", Q_WORKERS=1, **limits) as stack:
            stack.start_web(workers=1)
            stack.start_workers("worker")
            ticket_id = stack.submit(1)["id"]

            deadline = time.monotonic() + 30
            while stack.sql("SELECT status FROM tickets_ticket")[0][0] != "triaging":
                assert time.monotonic() < deadline, stack.log("worker")[-3000:]
                time.sleep(0.1)
            while not llm.requests:  # the model call is in flight
                time.sleep(0.05)
            stack.kill("worker")
            assert stack.sql("SELECT status FROM tickets_ticket")[0][0] == "triaging"

            # The broker redelivers the unacknowledged task to a new worker once Q_RETRY passes.
            stack.start_workers("worker")
            assert_each_routed_once(stack, [ticket_id])
            attempts = stack.sql("SELECT triage_attempts FROM tickets_ticket")[0][0]
            assert attempts == 2
            # The redelivered task was acknowledged: nothing is left to loop on.
            deadline = time.monotonic() + 30
            while stack.sql("SELECT COUNT(*) FROM django_q_ormq")[0][0] and time.monotonic() < deadline:
                time.sleep(0.5)
            assert stack.sql("SELECT COUNT(*) FROM django_q_ormq")[0][0] == 0
    finally:
        llm.stop()
