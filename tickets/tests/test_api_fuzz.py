"""No request of any shape makes the ticket API fail with a 500."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from tickets.models import Ticket

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)
ticket_like = st.fixed_dictionaries(
    {},
    optional={
        "subject": json_values | st.text(max_size=250),
        "body": json_values | st.text(max_size=300),
        "customer_email": json_values | st.emails(),
        "extra": json_values,
    },
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.django_db
@FUZZ
@given(payload=ticket_like | json_values)
def test_any_json_body_gets_201_or_400_and_a_400_stores_nothing(payload):
    before = Ticket.objects.count()

    response = APIClient().post("/tickets/", data=json.dumps(payload), content_type="application/json")

    assert response.status_code in (201, 400), response.content
    assert Ticket.objects.count() == before + (response.status_code == 201)


@pytest.mark.django_db
@FUZZ
@given(
    raw=st.binary(max_size=200),
    content_type=st.sampled_from(["application/json", "application/x-www-form-urlencoded", "text/plain"]),
)
def test_any_bytes_get_a_client_error_never_a_500(raw, content_type):
    response = APIClient().post("/tickets/", data=raw, content_type=content_type)

    assert 400 <= response.status_code < 500 or response.status_code == 201, response.content


review_like = st.fixed_dictionaries(
    {},
    optional={
        "action": st.sampled_from(["approve", "override", "spam", "requeue"]) | json_values,
        "intent": st.sampled_from(["billing", "account"]) | json_values,
        "priority": st.sampled_from(["low", "high"]) | json_values,
        "answer": json_values,
        "version": st.integers() | json_values,
    },
)


@pytest.mark.django_db
@FUZZ
@given(payload=review_like | json_values)
def test_any_review_body_gets_an_answer_never_a_500(persona, ticket, payload):
    response = persona("agent").post(
        f"/tickets/{ticket.pk}/review", data=json.dumps(payload), content_type="application/json"
    )

    assert response.status_code in (200, 400, 409), response.content


query_values = (
    st.text(max_size=30) | st.integers().map(str) | st.sampled_from(["", "-1", "1e999", "%00", "9" * 40])
)


@pytest.mark.django_db
@FUZZ
@given(
    query=st.dictionaries(
        st.sampled_from(
            ["status", "intent", "priority", "customer_email", "ordering", "limit", "offset", "x"]
        ),
        query_values,
        max_size=4,
    )
)
def test_any_list_query_gets_200_or_400_never_a_500(persona, query):
    response = persona("agent").get("/tickets/", data=query)

    assert response.status_code in (200, 400), response.content


@pytest.mark.django_db
@FUZZ
@given(payload=json_values | st.fixed_dictionaries({}, optional={"version": st.integers() | json_values}))
def test_any_purge_body_gets_an_answer_never_a_500(persona, ticket, payload):
    response = persona("admin").post(
        f"/tickets/{ticket.pk}/purge-secrets", data=json.dumps(payload), content_type="application/json"
    )

    assert response.status_code in (200, 400, 409), response.content
