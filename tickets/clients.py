"""The submitting client of an HTTP request, as a plain value services can take."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address

from supportdesk.clientip import client_ip
from tickets.services.submission import Client


def client_from_request(request) -> Client:
    """The client's address (as throttles and lock-outs read it) and User-Agent, where known."""
    address = client_ip(request) or None
    if address is not None:
        try:
            validate_ipv46_address(address)
        except ValidationError:
            address = None  # a unix socket or a test client's placeholder: not an address
    return Client(address=address, user_agent=request.META.get("HTTP_USER_AGENT", ""))
