"""Who may do what in the API: the Django permissions the admin uses, and customer tokens."""

import hmac

from django.conf import settings
from django.utils import timezone
from rest_framework.permissions import BasePermission

from tickets.services.submission import token_hash

VIEW_TICKETS = "tickets.view_ticket"
TRIAGE_TICKETS = "tickets.triage_ticket"
REVIEW_TICKETS = "tickets.review_ticket"
REVEAL_SECRETS = "tickets.reveal_ticket_secrets"
PURGE_SECRETS = "tickets.purge_ticket_secrets"


def staff_may(user, permission: str) -> bool:
    """Active staff holding `permission` (directly, through a group, or as superuser).

    Staff status alone grants nothing: it is what lets a person into admin, where
    the same permissions then decide what they see.
    """
    return bool(
        user and user.is_authenticated and user.is_active and user.is_staff and user.has_perm(permission)
    )


class StaffPermission(BasePermission):
    permission = ""
    action = ""

    def has_permission(self, request, view) -> bool:
        return staff_may(request.user, self.permission)

    @property
    def message(self) -> str:
        return f"You need the permission to {self.action} ({self.permission})."


class CanViewTickets(StaffPermission):
    permission, action = VIEW_TICKETS, "read tickets"


class CanTriageTickets(StaffPermission):
    permission, action = TRIAGE_TICKETS, "run the AI triage"


class CanReviewTickets(StaffPermission):
    permission, action = REVIEW_TICKETS, "review tickets"


class CanRevealSecrets(StaffPermission):
    permission, action = REVEAL_SECRETS, "see secrets in ticket text"


class CanPurgeSecrets(StaffPermission):
    permission, action = PURGE_SECRETS, "purge secrets from tickets"


class CanCreateTicket(BasePermission):
    message = "Anonymous ticket creation is turned off; authenticate as staff."

    def has_permission(self, request, view) -> bool:
        user = request.user
        return settings.TICKETS_ANON_CREATE or bool(user and user.is_authenticated and user.is_staff)


class CanReadApiDocs(BasePermission):
    """Anyone, unless API_DOCS_STAFF_ONLY restricts the schema and docs to staff."""

    message = "The API documentation is for staff; sign in to admin first."

    def has_permission(self, request, view) -> bool:
        user = request.user
        return not settings.API_DOCS_STAFF_ONLY or bool(user and user.is_authenticated and user.is_staff)


def customer_token(request) -> str:
    """The ticket access token from `Authorization: Bearer ...` or `X-Ticket-Token`."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.META.get("HTTP_X_TICKET_TOKEN", "").strip()


def token_matches(ticket, token: str) -> bool:
    """`token` is this ticket's, not revoked, and not expired (TICKET_TOKEN_DAYS_AFTER_CLOSE)."""
    if not token or ticket.access_token_revoked_at is not None:
        return False
    expires_at = ticket.access_token_expires_at
    if expires_at is not None and timezone.now() >= expires_at:
        return False
    return hmac.compare_digest(token_hash(token), ticket.access_token_hash)
