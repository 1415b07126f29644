import hmac

from django.conf import settings
from rest_framework.permissions import BasePermission

from tickets.services.submission import token_hash


class IsStaff(BasePermission):
    """Support staff: authenticated with a DRF token or an admin session."""

    message = "Only support staff may do this."

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated and request.user.is_staff)


class CanCreateTicket(BasePermission):
    message = "Anonymous ticket creation is turned off; authenticate as staff."

    def has_permission(self, request, view) -> bool:
        return settings.TICKETS_ANON_CREATE or IsStaff().has_permission(request, view)


def customer_token(request) -> str:
    """The ticket access token from `Authorization: Bearer ...` or `X-Ticket-Token`."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.META.get("HTTP_X_TICKET_TOKEN", "").strip()


def token_matches(ticket, token: str) -> bool:
    return bool(token) and hmac.compare_digest(token_hash(token), ticket.access_token_hash)
