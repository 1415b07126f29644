"""Secrets on staff pages: masked by default, revealed only with the permission and on the record."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tickets.models import AuditEvent
from tickets.tests.factories import AdminFactory, AgentFactory, TicketFactory

CARD = "4111 1111 1111 1111"


@pytest.fixture
def ticket(db):
    return TicketFactory(subject=f"Card {CARD}", body=f"Please charge my card {CARD}, CVV 123.")


def review_page(client, ticket, **params):
    url = reverse("admin:tickets_awaitingreviewticket_change", args=[ticket.pk])
    return client.get(url, params).content.decode()


@pytest.mark.django_db
def test_review_page_and_full_record_mask_a_pasted_card_by_default(client, ticket):
    client.force_login(AgentFactory(username="maria"))

    page = review_page(client, ticket)
    record = client.get(reverse("admin:tickets_ticket_change", args=[ticket.pk])).content.decode()

    for html in (page, record):
        assert CARD not in html and "[card_number]" in html
    assert "secrets or personal data" in page


@pytest.mark.django_db
def test_an_agent_without_the_permission_cannot_reveal(client, ticket):
    client.force_login(AgentFactory(username="maria"))

    page = review_page(client, ticket, reveal="1")

    assert CARD not in page
    assert not AuditEvent.objects.filter(ticket=ticket, kind=AuditEvent.Kind.SECRETS_REVEALED).exists()


@pytest.mark.django_db
def test_revealing_shows_the_original_and_records_who_looked(client, ticket):
    boss = AdminFactory(username="boss")
    client.force_login(boss)

    page = review_page(client, ticket, reveal="1")

    assert CARD in page
    look = AuditEvent.objects.get(ticket=ticket, kind=AuditEvent.Kind.SECRETS_REVEALED)
    assert look.actor == boss


@pytest.mark.django_db
def test_an_agent_purges_the_secret_from_the_review_page(client, ticket):
    agent = AgentFactory(username="maria")
    agent.user_permissions.add(Permission.objects.get(codename="purge_ticket_secrets"))
    client.force_login(agent)

    response = client.post(
        reverse("admin:tickets_purge_secrets", args=[ticket.pk]),
        {"version": ticket.version, "confirm": "yes"},
        follow=True,
    )

    ticket.refresh_from_db()
    assert response.status_code == 200
    assert CARD not in ticket.body and "[card_number]" in ticket.body
    assert AuditEvent.objects.filter(ticket=ticket, kind=AuditEvent.Kind.SECRETS_PURGED).exists()


@pytest.mark.django_db
def test_purging_without_the_confirmation_box_keeps_the_original_and_says_why(client, ticket):
    agent = AgentFactory(username="maria")
    agent.user_permissions.add(Permission.objects.get(codename="purge_ticket_secrets"))
    client.force_login(agent)
    page = review_page(client, ticket)
    assert 'name="confirm" value="yes" required' in page
    assert "This ticket holds a secret the customer sent: purge it before you answer" in page

    response = client.post(
        reverse("admin:tickets_purge_secrets", args=[ticket.pk]), {"version": ticket.version}, follow=True
    )

    ticket.refresh_from_db()
    assert CARD in ticket.body
    assert not AuditEvent.objects.filter(ticket=ticket, kind=AuditEvent.Kind.SECRETS_PURGED).exists()
    assert "Nothing was purged: tick the box" in response.content.decode()
