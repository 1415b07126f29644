import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tickets.tests.browser import browser, browser_factory, migrated_rows  # noqa: F401 (page tests)
from tickets.tests.factories import AdminFactory, AgentFactory, TicketFactory


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def agent(db):
    return AgentFactory(username="agent")


@pytest.fixture
def admin_user(db):
    return AdminFactory(username="boss")


@pytest.fixture
def ticket(db):
    return TicketFactory()


@pytest.fixture
def persona(db, ticket):
    """A client for one of the five personas, by name, relative to `ticket`."""

    def make(name: str) -> APIClient:
        client = APIClient()
        if name == "customer":
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {ticket.token}")
        elif name == "other_customer":
            other = TicketFactory()
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {other.token}")
        elif name == "agent":
            token = Token.objects.get_or_create(user=AgentFactory(username="persona-agent"))
            client.credentials(HTTP_AUTHORIZATION=f"Token {token[0].key}")
        elif name == "admin":
            token = Token.objects.get_or_create(user=AdminFactory(username="persona-admin"))
            client.credentials(HTTP_AUTHORIZATION=f"Token {token[0].key}")
        return client

    return make
