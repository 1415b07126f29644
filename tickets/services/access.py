"""The customer's access token: revoked on request (expiry is read off the ticket itself)."""

from django.utils import timezone

from tickets.models import AuditEvent, Ticket


def ticket_token_revoke(*, ticket_id, actor=None) -> Ticket:
    """Make the ticket's customer token stop working, for good. Safe to call twice.

    `actor` is the staff member who revoked it, or None when the customer did.
    """
    revoked = Ticket.objects.filter(pk=ticket_id, access_token_revoked_at__isnull=True).update(
        access_token_revoked_at=timezone.now()
    )
    ticket = Ticket.objects.get(pk=ticket_id)
    if revoked:
        AuditEvent.objects.create(
            ticket=ticket,
            kind=AuditEvent.Kind.TOKEN_REVOKED,
            actor=actor if actor is not None and actor.pk else None,
            note="by staff" if actor is not None and actor.pk else "by the customer",
        )
    return ticket
