"""The persona matrix: every endpoint of the OpenAPI schema against seven callers.

The endpoints come from the schema itself, so a new endpoint fails
`test_every_schema_operation_has_expectations` until someone decides who may call it.
"""

import pytest
from django.core import mail
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from tickets.models import AuditEvent, Status
from tickets.tests.factories import TicketFactory
from tickets.tests.personas import PERSONAS, persona_client, post_json, staff_with

STAFF_ONLY = {
    "anonymous": 401,
    "customer": 401,
    "other_customer": 401,
    "user": 403,
    "staff_without_permissions": 403,
    "agent": 200,
    "admin": 200,
}
# operationId: (status per persona, request body for POSTs)
EXPECTED = {
    "tickets_create": (
        dict.fromkeys(PERSONAS, 201),
        {"subject": "Hi", "body": "Help", "customer_email": "c@x.io"},
    ),
    "tickets_list": (STAFF_ONLY, None),
    "tickets_retrieve": (
        {**STAFF_ONLY, "anonymous": 404, "customer": 200, "other_customer": 404, "user": 404},
        None,
    ),
    "tickets_triage": (STAFF_ONLY, {}),
    "tickets_review": (STAFF_ONLY, {"action": "requeue"}),
    # Seeing secrets unmasked is not an agent's right by default: an admin grants it.
    "tickets_reveal": ({**STAFF_ONLY, "agent": 403}, None),
    "tickets_purge_secrets": (STAFF_ONLY, {}),
    "tickets_revoke_token": (
        {**STAFF_ONLY, "anonymous": 404, "customer": 200, "other_customer": 404, "user": 404},
        None,
    ),
    # Only the MTA's X-Inbound-Token opens it: no session, API token or ticket link does.
    "inbound_email": (dict.fromkeys(PERSONAS, 403), {}),
}
# Not in the schema, still served: the old name of /triage.
HIDDEN = {("post", "/tickets/{id}/ai-evaluate/"): "tickets_triage"}


def schema_operations() -> list[tuple[str, str, str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return [
        (method, path, operation["operationId"])
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    ]


OPERATIONS = schema_operations() + [(m, p, op) for (m, p), op in HIDDEN.items()]


def test_every_schema_operation_has_expectations():
    assert {operation_id for _, _, operation_id in schema_operations()} == set(EXPECTED)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("method, path, operation_id", OPERATIONS, ids=lambda v: v if "/" in str(v) else None)
def test_persona_gets_the_expected_status(persona, method, path, operation_id, settings):
    settings.INBOUND_EMAIL_TOKEN = "the-mta-token"  # the inbound endpoint on (it is off by default)
    # A ticket with a secret, so purging has something to do.
    ticket = TicketFactory(body="My card is 4111 1111 1111 1111, please update it.")
    client = persona_client(persona, ticket)
    expected, body = EXPECTED[operation_id]
    url = path.replace("{id}", str(ticket.pk))

    response = client.get(url) if method == "get" else post_json(client, url, body)

    assert response.status_code == expected[persona], response.content
    if response.status_code in (401, 403, 404):
        assert "detail" in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["approve", "override"])
def test_staff_without_the_review_permission_cannot_send_their_own_text(action):
    ticket = TicketFactory(
        status=Status.AWAITING_REVIEW, intent="billing", priority="low", suggestion="Our answer."
    )
    body = {"action": action, "answer": "Cheap pills at http://spam.example"}
    if action == "override":
        body |= {"intent": "billing", "priority": "low"}
    client = staff_with("tickets.view_ticket", "tickets.triage_ticket")

    response = post_json(client, f"/tickets/{ticket.pk}/review", body)

    assert response.status_code == 403
    assert "review_ticket" in response.json()["detail"]
    ticket.refresh_from_db()
    assert (ticket.status, ticket.resolution) == (Status.AWAITING_REVIEW, "")
    assert mail.outbox == []
    assert not AuditEvent.objects.filter(ticket=ticket, kind=AuditEvent.Kind.REVIEW).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "permission, allowed, refused",
    [
        ("tickets.view_ticket", ("get", "/tickets/"), ("post", "/tickets/{id}/triage")),
        ("tickets.triage_ticket", ("post", "/tickets/{id}/triage"), ("get", "/tickets/")),
        ("tickets.review_ticket", ("post", "/tickets/{id}/review"), ("get", "/tickets/{id}")),
    ],
)
def test_each_operation_needs_its_own_permission(permission, allowed, refused):
    ticket = TicketFactory()
    client = staff_with(permission)
    bodies = {"/tickets/{id}/triage": {}, "/tickets/{id}/review": {"action": "requeue"}}

    def call(method, path):
        url = path.replace("{id}", str(ticket.pk))
        return client.get(url) if method == "get" else post_json(client, url, bodies[path])

    assert call(*allowed).status_code == 200
    assert call(*refused).status_code == 403


@pytest.mark.django_db
def test_a_deactivated_agent_token_is_refused(django_user_model):
    client = persona_client("agent", TicketFactory())
    django_user_model.objects.filter(username="persona-agent").update(is_active=False)

    assert client.get("/tickets/").status_code == 401


@pytest.mark.django_db
def test_a_customer_token_on_a_staff_endpoint_is_told_what_it_opens(ticket):
    client = persona_client("customer", ticket)

    for response in (client.get("/tickets/"), post_json(client, f"/tickets/{ticket.pk}/reveal", {})):
        assert response.status_code == 401
        assert "opens only its own ticket" in response.json()["detail"]
    # Without any credentials the standard answer stays.
    assert "not provided" in APIClient().get("/tickets/").json()["detail"]
