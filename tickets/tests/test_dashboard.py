"""The agents' dashboard: who may see it, and whether its charts tell the truth."""

import csv
import io
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from tickets.models import AuditEvent, Message, Status, Ticket
from tickets.services.conversation import customer_reopen
from tickets.tests.factories import TicketFactory, UserFactory

DASHBOARD = reverse("dashboard:index")
CHARTS = ("daily-outcomes", "backlog", "rates", "agreement", "reliability")


def event(ticket, kind, action, *, days_ago=0, **fields):
    made = AuditEvent.objects.create(ticket=ticket, kind=kind, action=action, **fields)
    AuditEvent.objects.filter(pk=made.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    return made


def spec(html: str, element_id: str) -> dict:
    found = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', html, re.S)
    assert found, element_id
    return json.loads(found.group(1))


def csv_rows(client, key) -> list[list[str]]:
    response = client.get(reverse("dashboard:csv", args=[key]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client


# --- who may see it -------------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in (DASHBOARD, reverse("dashboard:csv", args=["backlog"])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=/dashboard/")


@pytest.mark.django_db
def test_a_logged_in_customer_account_is_sent_to_log_in_too(client):
    client.force_login(UserFactory(username="customer-account"))

    assert client.get(DASHBOARD)["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_staff_without_permission_to_read_tickets_are_refused(client):
    client.force_login(UserFactory(username="ops", is_staff=True))

    assert client.get(DASHBOARD).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["agent", "admin"])
def test_agents_and_admins_see_every_chart(client, agent, admin_user, persona):
    client.force_login(agent if persona == "agent" else admin_user)

    html = client.get(DASHBOARD).content.decode()

    for key in CHARTS:
        assert f'id="chart-{key}"' in html
        assert reverse("dashboard:csv", args=[key]) in html  # every chart: its numbers as CSV
        assert f'id="table-{key}"' in html  # ...and as a table on the page


@pytest.mark.django_db
def test_charts_are_drawn_by_the_vendored_chart_library_with_its_licence(agent_client):
    html = agent_client.get(DASHBOARD).content.decode()

    assert '<script src="/static/vendor/chartjs/chart.umd.js" defer></script>' in html
    assert "cdn" not in html.lower() and "https://" not in html
    library = finders.find("vendor/chartjs/chart.umd.js")
    assert library and "Chart.js v4" in Path(library).read_text(encoding="utf-8")[:300]
    assert "MIT License" in Path(finders.find("vendor/chartjs/LICENSE.md")).read_text(encoding="utf-8")


# --- the numbers ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_tickets_per_day_by_outcome(agent_client):
    today, yesterday = TicketFactory(), TicketFactory()
    event(today, "routed", "auto_resolve")
    event(today, "routed", "low_confidence")  # routed to review: not an outcome yet
    event(yesterday, "review", "approve", days_ago=1)
    event(yesterday, "review", "requeue", days_ago=1)  # not a decision
    event(today, "outcome", "reopened")

    html = agent_client.get(DASHBOARD).content.decode()

    chart = spec(html, "spec-daily")
    assert chart["type"] == "bar"
    by_label = {d["label"]: d["data"] for d in chart["data"]["datasets"]}
    assert by_label["Auto-resolved"][-1] == 1 and by_label["Reopened by the customer"][-1] == 1
    assert by_label["Reviewed by an agent"][-2:] == [1, 0]
    rows = csv_rows(agent_client, "daily-outcomes")
    assert rows[0] == ["day", "auto_resolved", "reviewed", "reopened"]
    assert rows[-1] == [timezone.now().date().isoformat(), "1", "0", "1"]
    assert len(rows) == 31


@pytest.mark.django_db
def test_backlog_by_age_and_priority_with_the_overdue_count(agent_client):
    now = timezone.now()
    for priority, hours in (("high", 0.5), ("high", 3), ("low", 30), ("medium", 100)):
        TicketFactory(
            status=Status.AWAITING_REVIEW, priority=priority, sla_started_at=now - timedelta(hours=hours)
        )
    TicketFactory(status=Status.RESOLVED, priority="high", sla_started_at=now - timedelta(hours=50))

    html = agent_client.get(DASHBOARD).content.decode()

    rows = csv_rows(agent_client, "backlog")
    assert rows[0] == ["waiting", "high", "medium", "low", "unclassified"]
    assert rows[1:] == [
        ["under 1 h", "1", "0", "0", "0"],
        ["1-8 h", "1", "0", "0", "0"],
        ["8-24 h", "0", "0", "0", "0"],
        ["1-3 days", "0", "0", "1", "0"],
        ["over 3 days", "0", "1", "0", "0"],
    ]
    assert re.search(r'id="backlog-size">4<', html)
    assert re.search(r'id="overdue-count">3<', html)  # high 3 h, low 30 h, medium 100 h
    assert re.search(r'id="oldest-wait">4\xa0days', html)


@pytest.mark.django_db
def test_rates_show_auto_resolution_and_what_customers_did_with_answers(agent_client):
    tickets = [TicketFactory() for _ in range(4)]
    for ticket in tickets[:3]:
        event(ticket, "routed", "auto_resolve")
    event(tickets[3], "routed", "guard:outage")
    event(tickets[3], "routed", "customer_reopened")  # the customer's doing, not triage
    outcomes = ["confirmed", "reopened", "pending", "assumed"]
    for ticket, outcome in zip(tickets, outcomes, strict=True):
        Message.objects.create(ticket=ticket, kind="auto_reply", body="A", outcome=outcome)
    Message.objects.create(ticket=tickets[0], kind="agent", body="B", outcome="confirmed")

    this_week = csv_rows(agent_client, "rates")[-1]

    assert this_week[1:] == ["4", "3", "0.75", "4", "0.25", "0.25", "1", "1.0", "0.0"]
    html = agent_client.get(DASHBOARD).content.decode()
    lines = {d["label"]: d["data"][-1] for d in spec(html, "spec-rates")["data"]["datasets"]}
    assert lines["Auto-resolution rate"] == 75.0
    assert lines["Automatic replies reopened"] == 25.0


@pytest.mark.django_db
def test_agreement_counts_how_often_agents_override_the_ai_per_intent(agent_client):
    billing = [TicketFactory(intent="billing") for _ in range(4)]
    for ticket in billing[:3]:
        event(ticket, "review", "approve")
    # Overridden: the AI said billing, the agent said account.
    Ticket.objects.filter(pk=billing[3].pk).update(intent="account")
    event(billing[3], "review", "override", changes={"intent": ["billing", "account"]})
    kept = TicketFactory(intent="account")
    event(kept, "review", "override", changes={"resolution": ["", "Better words."]})

    rows = csv_rows(agent_client, "agreement")

    assert rows[0] == ["ai_intent", "reviews", "approved", "overridden", "override_rate", "intent_changed"]
    assert ["billing", "4", "3", "1", "0.25", "1"] in rows
    assert ["account", "1", "0", "1", "1.0", "0"] in rows


@pytest.mark.django_db
def test_reliability_diagram_compares_confidence_with_how_often_agents_agreed(agent_client):
    # Confidence 0.95 on four billing tickets, of which agents kept the intent of two:
    # observed accuracy 0.5 where the AI claimed 0.95.
    for index in range(4):
        ticket = TicketFactory(intent="billing", confidence=0.95)
        if index < 2:
            event(ticket, "review", "approve")
        else:
            Ticket.objects.filter(pk=ticket.pk).update(intent="account")
            event(ticket, "review", "override", changes={"intent": ["billing", "account"]})
    honest = TicketFactory(intent="account", confidence=0.31)
    event(honest, "review", "approve")

    rows = csv_rows(agent_client, "reliability")
    html = agent_client.get(DASHBOARD).content.decode()

    assert rows[0] == ["ai_intent", "confidence", "reviews", "mean_confidence", "observed_accuracy", "gap"]
    assert ["billing", "0.9-1.0", "4", "0.95", "0.5", "-0.45"] in rows
    assert ["account", "0.3-0.4", "1", "0.31", "1.0", "0.69"] in rows
    billing = spec(html, "spec-reliability-billing")
    assert billing["data"]["datasets"][0]["data"] == [{"x": 0.95, "y": 0.5}]
    assert billing["data"]["datasets"][1]["data"] == [{"x": 0, "y": 0}, {"x": 1, "y": 1}]  # the honest line


@pytest.mark.django_db
def test_a_reopen_shows_on_the_dashboard(agent_client):
    ticket = TicketFactory(status=Status.AUTO_RESOLVED, resolution="Answer.", decided_by="ai")
    Message.objects.create(ticket=ticket, kind="auto_reply", body="Answer.", outcome="pending")

    customer_reopen(ticket_id=ticket.pk, reason="No.")

    html = agent_client.get(DASHBOARD).content.decode()
    assert re.search(r'id="reopened-count">1<', html)
    assert re.search(r'id="backlog-size">1<', html)


@pytest.mark.django_db
def test_an_unknown_csv_is_a_404(agent_client):
    assert agent_client.get(reverse("dashboard:csv", args=["secrets"])).status_code == 404


@pytest.mark.django_db
def test_staff_with_only_the_view_permission_see_it(client):
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_ticket"))
    client.force_login(viewer)

    assert client.get(DASHBOARD).status_code == 200
