"""The review queue in Django admin, as agents and admins use it."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tickets.models import Decision, Policy, Status
from tickets.services.decisions import triage_run
from tickets.tests.factories import TicketFactory

QUEUE = reverse("admin:tickets_awaitingreviewticket_changelist")


def queued(**fields):
    defaults = {
        "status": Status.AWAITING_REVIEW,
        "intent": "billing",
        "priority": "medium",
        "confidence": 0.6,
        "suggestion": "See Settings > Billing.",
        "policy_keys": ["billing-invoices"],
        "routing_rule": "low_confidence",
        "engine": "local",
    }
    return TicketFactory(**(defaults | fields))


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client


@pytest.fixture
def admin_client_(client, admin_user):
    client.force_login(admin_user)
    return client


def change_url(ticket):
    return reverse("admin:tickets_awaitingreviewticket_change", args=[ticket.pk])


@pytest.mark.django_db
def test_queue_lists_awaiting_tickets_highest_priority_then_oldest(agent_client):
    low = queued(subject="low one", priority="low")
    high_old = queued(subject="high old", priority="high")
    high_new = queued(subject="high new", priority="high")
    queued(subject="already resolved", status=Status.RESOLVED)

    response = agent_client.get(QUEUE)

    assert response.status_code == 200
    listed = [t.subject for t in response.context["cl"].result_list]
    assert listed == [high_old.subject, high_new.subject, low.subject]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ("intent__exact=account", {"account one"}),
        ("priority__exact=high", {"high one"}),
        ("confidence_band=top", {"sure one"}),
        ("routing_rule__exact=guard:legal_threat", {"legal one"}),
        ("engine__exact=openai", {"llm one"}),
        ("q=tachograph", {"searchable"}),
        ("q=someone@corp.example", {"by email"}),
    ],
)
def test_queue_filters_and_search(agent_client, query, expected):
    queued(subject="account one", intent="account")
    queued(subject="high one", priority="high")
    queued(subject="sure one", confidence=0.95)
    queued(subject="legal one", routing_rule="guard:legal_threat")
    queued(subject="llm one", engine="openai")
    queued(subject="searchable", body="Our tachograph export fails")
    queued(subject="by email", customer_email="someone@corp.example")

    response = agent_client.get(f"{QUEUE}?{query}")

    assert {t.subject for t in response.context["cl"].result_list} == expected


@pytest.mark.django_db
def test_ticket_page_shows_recommendation_policies_rule_raw_output_and_timeline(agent_client):
    ticket = TicketFactory(subject="Where can I download invoices?", body="I need PDF invoices for 2025.")
    triage_run(ticket_id=ticket.pk, engine_name="local")
    ticket.refresh_from_db()
    policy = Policy.objects.get(key=ticket.policy_keys[0])

    page = agent_client.get(reverse("admin:tickets_ticket_change", args=[ticket.pk])).content.decode()

    assert ticket.routing_rule in page
    assert reverse("admin:tickets_policy_change", args=[policy.pk]) in page
    assert "<details>" in page and "Raw model output" in page
    assert "Ticket created" in page and "AI (local) recommended" in page
    assert "Auto-resolved:" in page or f"Routed to review by rule {ticket.routing_rule}" in page


@pytest.mark.django_db
def test_agent_approves_from_the_ticket_page_and_the_timeline_shows_it(
    agent_client, django_capture_on_commit_callbacks
):
    ticket = queued()

    with django_capture_on_commit_callbacks(execute=True):
        response = agent_client.post(
            reverse("admin:tickets_review", args=[ticket.pk]),
            {"action": "approve", "answer": "Edited answer", "version": ticket.version},
            follow=True,
        )

    ticket.refresh_from_db()
    assert ticket.status == Status.RESOLVED and ticket.resolution == "Edited answer"
    assert any("Approved" in str(m) for m in response.context["messages"])
    page = agent_client.get(reverse("admin:tickets_ticket_change", args=[ticket.pk])).content.decode()
    timeline = page[page.index("<th>When</th>") :]
    assert (
        timeline.index("Ticket created") < timeline.index("Approve by agent") < timeline.index("Reply sent")
    )
    assert "<td>agent</td>" in timeline


@pytest.mark.django_db
def test_second_agent_with_a_stale_page_gets_a_clear_message_and_the_fresh_state(agent_client, admin_user):
    ticket = queued()
    stale_version = ticket.version
    from tickets.services.review import review_spam

    review_spam(ticket_id=ticket.pk, actor=admin_user)

    response = agent_client.post(
        reverse("admin:tickets_review", args=[ticket.pk]),
        {"action": "approve", "answer": "", "version": stale_version},
        follow=True,
    )

    messages = [str(m) for m in response.context["messages"]]
    assert any("changed since you loaded it" in m for m in messages)
    assert response.context["original"].status == Status.CLOSED  # they now see the fresh state
    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED


@pytest.mark.django_db
def test_bulk_approve_and_spam_from_the_queue(agent_client):
    first, second = queued(), queued()

    agent_client.post(QUEUE, {"action": "approve_selected", "_selected_action": [first.pk, second.pk]})

    first.refresh_from_db(), second.refresh_from_db()
    assert first.status == second.status == Status.RESOLVED


@pytest.mark.django_db
def test_agent_can_view_but_not_edit_policies_decisions_or_users(agent_client, agent):
    ticket = queued()
    triage_run(ticket_id=ticket.pk, engine_name="local")
    policy = Policy.objects.first()
    decision = Decision.objects.first()

    assert agent_client.get(reverse("admin:tickets_policy_changelist")).status_code == 200
    assert agent_client.get(reverse("admin:tickets_decision_changelist")).status_code == 200
    edit = agent_client.post(
        reverse("admin:tickets_policy_change", args=[policy.pk]),
        {"key": policy.key, "title": "Hacked", "text": "x", "intents": '["billing"]', "active": "on"},
    )
    assert edit.status_code == 403
    assert agent_client.get(reverse("admin:tickets_policy_add")).status_code == 403
    assert agent_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    policy.refresh_from_db()
    assert policy.title != "Hacked"
    assert not agent.has_perm("tickets.change_decision")
    assert agent_client.post(reverse("admin:tickets_decision_delete", args=[decision.pk])).status_code == 403


@pytest.mark.django_db
def test_admin_can_edit_policies_and_users(admin_client_):
    policy = Policy.objects.first()

    response = admin_client_.post(
        reverse("admin:tickets_policy_change", args=[policy.pk]),
        {
            "key": policy.key,
            "title": "Updated title",
            "text": policy.text,
            "intents": '["billing"]',
            "active": "on",
        },
    )

    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.title == "Updated title"
    assert admin_client_.get(reverse("admin:auth_user_changelist")).status_code == 200


@pytest.mark.django_db
def test_user_without_review_permission_cannot_review(client, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    client.force_login(viewer)
    ticket = queued()

    response = client.post(
        reverse("admin:tickets_review", args=[ticket.pk]), {"action": "spam", "version": 1}
    )

    assert response.status_code == 403
    ticket.refresh_from_db()
    assert ticket.status == Status.AWAITING_REVIEW


@pytest.mark.django_db
def test_ticket_added_in_admin_goes_through_the_submit_service(
    admin_client_, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client_.post(
            reverse("admin:tickets_ticket_add"),
            {
                "subject": "Phoned in",
                "body": "Customer called about invoices.",
                "customer_email": "p@example.com",
            },
        )

    from tickets.models import Ticket

    ticket = Ticket.objects.get(subject="Phoned in")
    assert ticket.access_token_hash
    assert ticket.events.filter(kind="created").exists()
    assert ticket.status != Status.NEW  # the triage task ran


@pytest.mark.django_db
def test_queue_page_shows_the_review_form_prefilled_with_the_suggestion(
    agent_client, client, django_user_model
):
    ticket = queued(suggestion="Your invoices are in Settings > Billing.")

    page = agent_client.get(change_url(ticket)).content.decode()

    assert "Review this ticket" in page
    assert "Your invoices are in Settings &gt; Billing." in page
    assert f'value="{ticket.version}"' in page
    viewer = django_user_model.objects.create_user("viewer2", password="pw", is_staff=True)
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_awaitingreviewticket", "view_ticket"])
    )
    client.force_login(viewer)
    assert "Review this ticket" not in client.get(change_url(ticket)).content.decode()
