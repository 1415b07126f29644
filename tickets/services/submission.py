import hashlib
import secrets
from dataclasses import dataclass
from functools import partial

from django.db import transaction

from tickets import metrics
from tickets.models import USER_AGENT_MAX, AuditEvent, Message, Source, Ticket
from tickets.signals import ticket_submitted


@dataclass(frozen=True)
class Client:
    """Who sent a submission over the network, as far as the server can tell."""

    address: str | None = None
    user_agent: str = ""


def token_hash(token: str) -> str:
    # The token is 256 random bits, not a password: a fast hash is enough, and a
    # slow password hasher would cost more than the whole request.
    return hashlib.sha256(token.encode()).hexdigest()


def ticket_submit(
    *,
    subject: str,
    body: str,
    customer_email: str,
    actor=None,
    source: str = Source.API,
    client: Client | None = None,
    email_message_id: str = "",
) -> tuple[Ticket, str]:
    """Create a ticket, audit it and queue its triage. Returns the ticket and its customer token.

    Every submission gets a `created` audit event with its source (`Source`), the
    client's address and user agent where known, and the staff member who entered
    it on the customer's behalf, if any. `email_message_id` is the Message-ID of the
    mail that opened it (source email), for threading. The token is returned only here; the
    database keeps its hash. The triage task is enqueued when the transaction commits.
    """
    if source not in Source.values:
        raise ValueError(f"source: {source!r} is not one of {Source.values}")
    client = client or Client()
    token = secrets.token_urlsafe(32)
    # One transaction for both rows: a ticket never exists without its audit entry,
    # and the POST pays one BEGIN/COMMIT, not one per INSERT.
    with transaction.atomic():
        ticket = Ticket.objects.create(
            subject=subject,
            body=body,
            customer_email=customer_email,
            access_token_hash=token_hash(token),
        )
        AuditEvent.objects.create(
            ticket=ticket,
            kind=AuditEvent.Kind.CREATED,
            actor=actor if actor is not None and actor.pk else None,
            action=source,
            client_address=client.address or None,
            user_agent=client.user_agent[:USER_AGENT_MAX],
        )
        # The body opens the ticket's conversation (tickets.services.conversation).
        Message.objects.create(
            ticket=ticket,
            kind=Message.Kind.CUSTOMER,
            source=source,
            body=body,
            email_message_id=email_message_id,
        )
        ticket_submitted.send(sender=Ticket, ticket_id=ticket.pk)
        transaction.on_commit(partial(metrics.ticket_created, source))
    return ticket, token
