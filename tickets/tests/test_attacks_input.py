"""Bad input is a 400 (or 413/415) naming the field, always: the malformed-input corpus."""

import pytest
from rest_framework.test import APIClient

from tickets.models import Ticket
from tickets.tests.factories import TicketFactory
from tickets.tests.malformed_corpus import CASES
from tickets.tests.personas import persona_client

PATHS = {
    "create": "/tickets/",
    "review": "/tickets/{id}/review",
    "triage": "/tickets/{id}/triage",
    "purge": "/tickets/{id}/purge-secrets",
    "list": "/tickets/?{query}",
}


@pytest.mark.django_db
@pytest.mark.parametrize("case_id, target, content_type, body, field", CASES, ids=[c[0] for c in CASES])
def test_malformed_input_is_refused_naming_the_field(case_id, target, content_type, body, field):
    ticket = TicketFactory(body="Card 4111 1111 1111 1111")
    client = APIClient() if target == "create" else persona_client("admin", ticket)
    path = PATHS[target].format(id=ticket.pk, query=content_type)
    before = (Ticket.objects.count(), ticket.version)

    if target == "list":
        response = client.get(path)
    else:
        data = body.encode() if isinstance(body, str) else body
        response = client.generic("POST", path, data, content_type=content_type)

    assert response.status_code in (400, 413, 415), response.content[:300]
    assert response["Content-Type"] == "application/json"
    errors = response.json()
    # Not an object at all: DRF's "non_field_errors" or a parse error's "detail".
    assert field in errors if field else {"detail", "non_field_errors"} & set(errors)
    ticket.refresh_from_db()
    assert (Ticket.objects.count(), ticket.version) == before  # nothing stored, nothing changed


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/tickets/not-a-uuid",
        "/tickets/%00/review",
        "/tickets/" + "9" * 5000,
        "/tickets/00000000-0000-0000-0000-000000000000/close",
    ],
)
@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_malformed_paths_are_404_not_500(path, method):
    # A real client: Django's test client would skip the CSRF check a browser-less POST meets.
    response = getattr(APIClient(enforce_csrf_checks=True), method)(path)
    assert response.status_code == 404
    # The API's JSON error, as for an unknown ticket id, not Django's HTML page.
    assert response["Content-Type"] == "application/json"
    assert "/tickets/<uuid>/" in response.json()["detail"]
