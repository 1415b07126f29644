"""Ticket creation counted in Redis with one round trip, with DRF's limits and answers."""

import os
import uuid

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings

from tickets.rate_counter import window_hit
from tickets.throttles import RATE_CANNOT_BIND_PER_SECOND

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
SUBMISSION = {"subject": "Export", "body": "How do I export my projects?", "customer_email": "c@example.com"}
MINUTE_START = 60 * 29_000_000


def redis_or_skip() -> redis.Redis:
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip(f"needs Redis at REDIS_TEST_URL ({REDIS_URL})")
    return client


@pytest.fixture
def key():
    return f"test-throttle-{uuid.uuid4().hex}"


def test_requests_up_to_the_limit_pass_and_the_next_waits_for_the_window(key):
    client = redis_or_skip()
    now = MINUTE_START + 20

    assert [window_hit(client, key, limit=3, duration=60, now=now) for _ in range(3)] == [None] * 3
    assert window_hit(client, key, limit=3, duration=60, now=now) == 40  # this minute ends in 40 s


def test_the_previous_window_counts_for_the_part_still_inside_the_last_minute(key):
    client = redis_or_skip()
    for _ in range(4):
        window_hit(client, key, limit=4, duration=60, now=MINUTE_START + 50)

    # 15 s into the next minute, 45 s of the last one still count: 4 x 0.75 = 3 of 4 used.
    later = MINUTE_START + 75
    assert window_hit(client, key, limit=4, duration=60, now=later) is None
    assert window_hit(client, key, limit=4, duration=60, now=later) is not None
    # A minute later the old window no longer counts.
    assert window_hit(client, key, limit=4, duration=60, now=MINUTE_START + 135) is None


def test_refused_requests_are_not_counted(key):
    client = redis_or_skip()
    now = MINUTE_START + 10
    for _ in range(5):
        window_hit(client, key, limit=2, duration=60, now=now)

    assert int(client.get(f"{key}:{int(now // 60)}")) == 2


@pytest.fixture
def redis_cache():
    client = redis_or_skip()

    def forget_counts():  # only ours: other processes may share this Redis database
        for stale in client.keys("throttle_ticket_create_*"):
            client.delete(stale)

    backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    with override_settings(CACHES={"default": backend}):
        forget_counts()
        yield
        forget_counts()
        caches["default"].close()


@pytest.mark.django_db
@override_settings(TICKETS_ANON_RATE="2/minute")
def test_over_the_limit_a_client_gets_429_with_retry_after(client, redis_cache):
    # An address of its own: other processes on this machine may count 127.0.0.1 in this Redis.
    address = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    answers = [
        client.post("/tickets/", SUBMISSION, content_type="application/json", REMOTE_ADDR=address)
        for _ in range(3)
    ]

    assert [a.status_code for a in answers] == [201, 201, 429]
    assert 1 <= int(answers[2]["Retry-After"]) <= 60


@pytest.mark.django_db
def test_a_rate_that_cannot_bind_costs_no_redis_call(client, redis_cache):
    unbindable = f"{RATE_CANNOT_BIND_PER_SECOND}/second"
    with override_settings(TICKETS_ANON_RATE=unbindable):
        answer = client.post("/tickets/", SUBMISSION, content_type="application/json")

    assert answer.status_code == 201
    assert not redis.Redis.from_url(REDIS_URL).keys("throttle_ticket_create_*")
