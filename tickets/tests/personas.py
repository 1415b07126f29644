"""The seven callers every permission test considers, relative to one ticket."""

import json

from django.contrib.auth.models import Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tickets.tests.factories import AdminFactory, AgentFactory, TicketFactory, UserFactory

PERSONAS = (
    "anonymous",
    "customer",  # holds this ticket's token
    "other_customer",  # holds another ticket's token
    "user",  # logged in, not staff
    "staff_without_permissions",  # staff flag, no permission (admin refuses them too)
    "agent",  # the "Support agents" group
    "admin",  # superuser
)


def persona_client(name: str, ticket) -> APIClient:
    client = APIClient()
    if name == "customer":
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {ticket.token}")
    elif name == "other_customer":
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {TicketFactory().token}")
    elif name == "user":
        client.force_login(UserFactory(username="shopper"))
    elif name == "staff_without_permissions":
        _token(client, UserFactory(username="bare-staff", is_staff=True))
    elif name == "agent":
        _token(client, AgentFactory(username="persona-agent"))
    elif name == "admin":
        _token(client, AdminFactory(username="persona-admin"))
    return client


def staff_with(*permissions: str, username: str = "granted") -> APIClient:
    """A staff member holding exactly these permissions ("tickets.view_ticket", ...)."""
    user = UserFactory(username=username, is_staff=True)
    for name in permissions:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    client = APIClient()
    _token(client, user)
    return client


def post_json(client, path: str, payload, **extra):
    return client.post(path, data=json.dumps(payload), content_type="application/json", **extra)


def _token(client: APIClient, user) -> None:
    key = Token.objects.get_or_create(user=user)[0].key
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
