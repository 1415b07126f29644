import hashlib
import secrets

from django.db import transaction

from tickets.models import AuditEvent, Ticket
from tickets.signals import ticket_submitted


def token_hash(token: str) -> str:
    # The token is 256 random bits, not a password: a fast hash is enough, and a
    # slow password hasher would cost more than the whole request.
    return hashlib.sha256(token.encode()).hexdigest()


def ticket_submit(*, subject: str, body: str, customer_email: str, actor=None) -> tuple[Ticket, str]:
    """Create a ticket and queue its triage. Returns the ticket and its customer token.

    The token is returned only here; the database keeps its hash. The triage task
    is enqueued when the surrounding transaction (if any) commits.
    """
    token = secrets.token_urlsafe(32)
    fields = {
        "subject": subject,
        "body": body,
        "customer_email": customer_email,
        "access_token_hash": token_hash(token),
    }
    if actor is not None and actor.pk:
        with transaction.atomic():
            ticket = Ticket.objects.create(**fields)
            # Who entered it on the customer's behalf.
            AuditEvent.objects.create(ticket=ticket, kind=AuditEvent.Kind.CREATED, actor=actor)
            ticket_submitted.send(sender=Ticket, ticket_id=ticket.pk)
    else:
        # A customer's own submission is one INSERT, atomic by itself: no event
        # row (created_at records it) and no BEGIN/COMMIT round trips, the
        # largest remaining costs of the busiest endpoint.
        ticket = Ticket.objects.create(**fields)
        ticket_submitted.send(sender=Ticket, ticket_id=ticket.pk)
    return ticket, token
