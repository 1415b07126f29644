"""The rate gate: one pause and one budget for every LLM call of a process."""

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from ai_engine.rate_gate import DEFAULT_PAUSE_SECONDS, RateGate, retry_after_seconds


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_request_budget_refuses_the_call_past_it_until_the_minute_has_passed():
    clock = Clock()
    gate = RateGate(requests_per_minute=2, clock=clock)

    assert gate.acquire(tokens=1, wait_until=clock.now)
    assert gate.acquire(tokens=1, wait_until=clock.now)
    assert not gate.acquire(tokens=1, wait_until=clock.now + 30)  # room only in 60 s

    clock.now += 60
    assert gate.acquire(tokens=1, wait_until=clock.now)


def test_token_budget_counts_the_tokens_of_every_call_in_the_last_minute():
    clock = Clock()
    gate = RateGate(tokens_per_minute=1000, clock=clock)

    assert gate.acquire(tokens=600, wait_until=clock.now)
    assert not gate.acquire(tokens=600, wait_until=clock.now)
    assert gate.acquire(tokens=400, wait_until=clock.now)


def test_no_budget_admits_every_call():
    clock = Clock()
    gate = RateGate(clock=clock)

    assert all(gate.acquire(tokens=100_000, wait_until=clock.now) for _ in range(1000))


def test_a_pause_holds_every_call_back_for_its_length():
    gate = RateGate()
    gate.pause(0.3)
    started = time.monotonic()

    assert not gate.acquire(tokens=1, wait_until=started + 0.1)  # would have to wait longer
    assert gate.acquire(tokens=1, wait_until=started + 5)
    assert time.monotonic() - started >= 0.29


@pytest.mark.parametrize(
    "header, expected",
    [("2", 2.0), ("0.5", 0.5), (None, DEFAULT_PAUSE_SECONDS), ("soon", DEFAULT_PAUSE_SECONDS), ("-3", 0.0)],
)
def test_retry_after_is_read_as_seconds(header, expected):
    assert retry_after_seconds(header) == expected


def test_retry_after_may_be_an_http_date():
    moment = datetime.now(UTC) + timedelta(seconds=30)

    assert 28 <= retry_after_seconds(format_datetime(moment, usegmt=True)) <= 30
