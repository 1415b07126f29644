"""Every customer submission is audited: source, client address and user agent (issue 12, point 6)."""

import re

import pytest
from django.db import IntegrityError
from django.urls import reverse

from tickets.models import AuditEvent, Source, Ticket
from tickets.services.submission import Client, ticket_submit
from tickets.tests.factories import AgentFactory

SUBMISSION = {"subject": "Charged twice", "body": "I was billed twice.", "customer_email": "ana@example.com"}


def timeline_text(client, ticket) -> str:
    page = client.get(reverse("admin:tickets_awaitingreviewticket_change", args=[ticket.pk])).content.decode()
    history = page[page.index("When</th>") :]
    return " ".join(re.sub(r"<[^>]+>", " ", history).split())


@pytest.mark.django_db
def test_an_api_submission_is_audited_with_the_client_address_and_user_agent(api, client):
    response = api.post(
        "/tickets/", SUBMISSION, format="json", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="curl/8.5.0"
    )

    assert response.status_code == 201
    ticket = Ticket.objects.get(pk=response.json()["id"])
    event = AuditEvent.objects.get(ticket=ticket, kind=AuditEvent.Kind.CREATED)
    assert (event.action, event.client_address, event.user_agent) == ("api", "203.0.113.7", "curl/8.5.0")
    assert event.actor is None
    client.force_login(AgentFactory(username="maria"))
    assert "customer Submitted through the API from 203.0.113.7 (curl/8.5.0)" in timeline_text(client, ticket)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "source, client_info, shown",
    [
        (
            Source.WEB_FORM,
            Client("2001:db8::5", "Mozilla/5.0"),
            "Submitted through the web form from 2001:db8::5",
        ),
        (Source.EMAIL, Client(), "customer Received by email"),
    ],
)
def test_web_form_and_email_submissions_say_where_they_came_from(client, source, client_info, shown):
    ticket, _ = ticket_submit(**SUBMISSION, source=source, client=client_info)

    event = ticket.events.get(kind=AuditEvent.Kind.CREATED)
    assert event.action == source and event.client_address == client_info.address
    client.force_login(AgentFactory(username="maria"))
    assert shown in timeline_text(client, ticket)


@pytest.mark.django_db
def test_a_ticket_entered_in_admin_names_the_agent(client, admin_user, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:tickets_ticket_add"), SUBMISSION, HTTP_USER_AGENT="Firefox/140")

    ticket = Ticket.objects.get()
    event = ticket.events.get(kind=AuditEvent.Kind.CREATED)
    assert (event.action, event.actor, event.user_agent) == ("admin", admin_user, "Firefox/140")
    assert "boss Entered in admin by boss" in timeline_text(client, ticket)


@pytest.mark.django_db
def test_no_ticket_is_stored_without_its_audit_entry(monkeypatch):
    def refuse(*args, **kwargs):
        raise IntegrityError("audit table unavailable")

    monkeypatch.setattr(AuditEvent.objects, "create", refuse)

    with pytest.raises(IntegrityError):
        ticket_submit(**SUBMISSION)

    assert Ticket.objects.count() == 0


@pytest.mark.django_db
def test_an_unknown_source_is_refused():
    with pytest.raises(ValueError, match="source"):
        ticket_submit(**SUBMISSION, source="carrier_pigeon")
    assert Ticket.objects.count() == 0
