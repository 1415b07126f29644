"""Response-time targets (SLA) as agents see them in the review queue."""

import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from tickets.models import Status, Ticket
from tickets.services.conversation import customer_reply
from tickets.sla import sla_state
from tickets.tests.factories import TicketFactory

QUEUE = reverse("admin:tickets_awaitingreviewticket_changelist")
ROOT = Path(__file__).resolve().parents[2]


def waiting(subject: str, priority: str | None, hours_ago: float) -> Ticket:
    return TicketFactory(
        subject=subject,
        status=Status.AWAITING_REVIEW,
        priority=priority,
        sla_started_at=timezone.now() - timedelta(hours=hours_ago),
    )


def listed(response) -> list[str]:
    return [t.subject for t in response.context["cl"].result_list]


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client


@pytest.mark.django_db
def test_default_targets_are_one_eight_and_twenty_four_hours(settings):
    assert settings.SLA_FIRST_RESPONSE_HOURS == {"high": 1.0, "medium": 8.0, "low": 24.0}


@pytest.mark.django_db
def test_the_queue_shows_time_left_or_how_long_overdue(agent_client):
    waiting("late high", "high", hours_ago=3)  # 1 h target: 2 h over
    waiting("fresh low", "low", hours_ago=1)  # 24 h target: 23 h left

    html = agent_client.get(QUEUE).content.decode()

    assert re.search(r"overdue by 1\xa0hour, 59\xa0minutes|overdue by 2\xa0hours", html)
    assert re.search(r"2[23]\xa0hours(, \d+\xa0minutes)? left", html)


@pytest.mark.django_db
def test_the_queue_sorts_by_when_a_response_is_due(agent_client):
    waiting("low, waited 20 h: due in 4 h", "low", hours_ago=20)
    waiting("high, waited 30 min: due in 30 min", "high", hours_ago=0.5)
    waiting("medium, waited 10 h: overdue 2 h", "medium", hours_ago=10)
    page = agent_client.get(QUEUE).content.decode()
    sort = re.search(
        r'<th scope="col" class="sortable column-sla">.*?<a href="(\?o=[^"]+)"', page, re.S
    ).group(1)

    ascending = agent_client.get(QUEUE + sort.replace("&amp;", "&"))

    assert listed(ascending) == [
        "medium, waited 10 h: overdue 2 h",
        "high, waited 30 min: due in 30 min",
        "low, waited 20 h: due in 4 h",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "choice, expected",
    [
        ("overdue", ["high, 2 h", "unclassified, 9 h"]),
        ("soon", ["medium, 7.5 h"]),
        ("on_time", ["low, 1 h"]),
    ],
)
def test_the_queue_filters_by_response_due(agent_client, choice, expected):
    waiting("high, 2 h", "high", hours_ago=2)
    waiting("unclassified, 9 h", None, hours_ago=9)  # treated as medium: 8 h
    waiting("medium, 7.5 h", "medium", hours_ago=7.5)
    waiting("low, 1 h", "low", hours_ago=1)

    response = agent_client.get(QUEUE, {"response_due": choice})

    assert sorted(listed(response)) == sorted(expected)


@pytest.mark.django_db
def test_targets_come_from_the_setting(agent_client, settings):
    settings.SLA_FIRST_RESPONSE_HOURS = {"high": 4.0, "medium": 8.0, "low": 24.0}
    waiting("high, 2 h", "high", hours_ago=2)

    response = agent_client.get(QUEUE, {"response_due": "overdue"})

    assert listed(response) == []


@pytest.mark.django_db
def test_an_answer_stops_the_clock_and_a_reply_starts_a_new_one():
    ticket = waiting("late", "high", hours_ago=5)
    Ticket.objects.filter(pk=ticket.pk).update(status=Status.RESOLVED, resolution="Done.")
    ticket.refresh_from_db()
    assert sla_state(ticket) is None  # answered: nobody waits

    customer_reply(ticket_id=ticket.pk, body="Not done for me.")

    ticket.refresh_from_db()
    state = sla_state(ticket)
    assert not state.overdue
    assert timedelta(minutes=59) < state.remaining <= timedelta(hours=1)


@pytest.mark.django_db
def test_a_nudge_while_waiting_does_not_push_the_deadline_back():
    ticket = waiting("waiting", "high", hours_ago=3)

    customer_reply(ticket_id=ticket.pk, body="Any news?")

    ticket.refresh_from_db()
    assert sla_state(ticket).overdue


def _start(env_overrides: dict) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AI_", "ROUTING_", "SLA_"))}
    env |= {"DJANGO_SETTINGS_MODULE": "supportdesk.settings", "SECRET_KEY": "x" * 50, "DEBUG": "false"}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=env | env_overrides,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "name, value",
    [
        ("SLA_FIRST_RESPONSE_HOURS", "high=1,medium=8"),
        ("SLA_FIRST_RESPONSE_HOURS", "urgent=1,high=1,medium=8,low=24"),
        ("SLA_FIRST_RESPONSE_HOURS", "high=0,medium=8,low=24"),
        ("RESOLUTION_ASSUMED_AFTER_DAYS", "0"),
        ("SITE_URL", "support.example.com"),
        ("METRICS_ALLOWED_ADDRESSES", "localhost"),
    ],
)
def test_a_bad_new_setting_stops_start_up_naming_the_variable(name, value):
    result = _start({name: value})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{name}: " in result.stderr  # the message names the variable
