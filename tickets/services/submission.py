import hashlib
import secrets

from django.db import transaction

from tickets.models import AuditEvent, Ticket
from tickets.signals import ticket_submitted


def token_hash(token: str) -> str:
    # The token is 256 random bits, not a password: a fast hash is enough, and a
    # slow password hasher would cost more than the whole request.
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def ticket_submit(*, subject: str, body: str, customer_email: str, actor=None) -> tuple[Ticket, str]:
    """Create a ticket and queue its triage. Returns the ticket and its customer token.

    The token is returned only here; the database keeps its hash.
    """
    token = secrets.token_urlsafe(32)
    ticket = Ticket.objects.create(
        subject=subject,
        body=body,
        customer_email=customer_email,
        access_token_hash=token_hash(token),
    )
    AuditEvent.objects.create(
        ticket=ticket, kind=AuditEvent.Kind.CREATED, actor=actor if actor and actor.pk else None
    )
    ticket_submitted.send(sender=Ticket, ticket_id=ticket.pk)
    return ticket, token
