"""Customer access tokens expire after the ticket closes and can be revoked, for good."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tickets.models import AuditEvent, DecidedBy, Status, Ticket
from tickets.tests.factories import TicketFactory
from tickets.tests.personas import persona_client, post_json


def read(ticket, token=None):
    return APIClient().get(f"/tickets/{ticket.pk}", HTTP_X_TICKET_TOKEN=token or ticket.token)


def closed_days_ago(days: int, **fields):
    ticket = TicketFactory(status=Status.RESOLVED, decided_by=DecidedBy.HUMAN, **fields)
    Ticket.objects.filter(pk=ticket.pk).update(updated_at=timezone.now() - timedelta(days=days))
    ticket.refresh_from_db()
    return ticket


@pytest.mark.django_db
def test_the_token_works_while_the_ticket_is_open_however_old():
    ticket = TicketFactory(status=Status.AWAITING_REVIEW)
    Ticket.objects.filter(pk=ticket.pk).update(updated_at=timezone.now() - timedelta(days=400))

    response = read(ticket)

    assert response.status_code == 200
    assert response.json()["access_token_expires_at"] is None


@pytest.mark.django_db
def test_the_token_stops_working_ninety_days_after_the_ticket_closes():
    recent, old = closed_days_ago(89), closed_days_ago(91)

    assert read(recent).status_code == 200
    assert read(recent).json()["access_token_expires_at"]
    assert read(old).status_code == 404  # like any wrong token: nothing is leaked


@pytest.mark.django_db
def test_the_expiry_is_a_setting(settings):
    settings.TICKET_TOKEN_DAYS_AFTER_CLOSE = 7

    assert read(closed_days_ago(6)).status_code == 200
    assert read(closed_days_ago(8)).status_code == 404


@pytest.mark.django_db
def test_a_customer_revokes_their_own_token_and_it_never_works_again():
    ticket = TicketFactory()
    customer = persona_client("customer", ticket)

    revoked = post_json(customer, f"/tickets/{ticket.pk}/revoke-token", {})

    assert revoked.status_code == 200
    assert read(ticket).status_code == 404
    assert post_json(customer, f"/tickets/{ticket.pk}/revoke-token", {}).status_code == 404
    event = AuditEvent.objects.get(ticket=ticket, kind=AuditEvent.Kind.TOKEN_REVOKED)
    assert event.actor is None and event.note == "by the customer"


@pytest.mark.django_db
def test_an_agent_revokes_a_leaked_token_and_the_timeline_says_who():
    ticket = TicketFactory()

    response = post_json(persona_client("agent", ticket), f"/tickets/{ticket.pk}/revoke-token", {})

    assert response.status_code == 200
    assert read(ticket).status_code == 404
    assert (
        AuditEvent.objects.get(ticket=ticket, kind=AuditEvent.Kind.TOKEN_REVOKED).actor.username
        == "persona-agent"
    )
