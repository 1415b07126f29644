"""What the console log shows for client and server errors."""

import io
import logging

import pytest
from django.urls import reverse

from tickets.tests.factories import AgentFactory, TicketFactory


@pytest.fixture
def console():
    """What the configured console handler writes."""
    handler = next(
        h for h in logging.getLogger().handlers if h.filters and isinstance(h, logging.StreamHandler)
    )
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.mark.django_db
def test_a_refused_permission_is_one_line_without_a_traceback(client, console):
    # Found trying the product: every 403 printed Django's full traceback to the console.
    client.force_login(AgentFactory())
    ticket = TicketFactory()

    response = client.post(reverse("admin:tickets_awaitingreviewticket_change", args=[ticket.pk]))

    assert response.status_code == 403
    written = console.getvalue()
    assert "Forbidden (Permission denied)" in written
    assert "Traceback" not in written


def test_a_server_error_keeps_its_traceback(console):
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        logging.getLogger("django.request").error(
            "Internal Server Error: %s", "/x", extra={"status_code": 500}, exc_info=exc
        )

    assert "Traceback" in console.getvalue() and "RuntimeError: boom" in console.getvalue()
