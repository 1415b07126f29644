"""Which ticket a mail belongs to, and the thread of the mail we send.

Each ticket's thread has an unguessable token (128 random bits). It travels in the reply
address (`support+<token>@example.com`, plus-addressing on INBOUND_EMAIL_ADDRESS) and
inside the Message-ID of every mail we send (`<...sd.<token>@example.com>`), so a reply
finds its ticket by either: clients keep In-Reply-To/References even when the customer
answers from another address, and the reply address survives clients that drop them.
"""

import re
import secrets

from django.conf import settings

from tickets.email.models import EmailThread
from tickets.models import Message, Ticket

_TOKEN_IN_ID = re.compile(r"\.sd\.([0-9a-f]{32})@")


def thread_for(ticket: Ticket) -> EmailThread:
    """The ticket's thread, created on first use."""
    thread, _ = EmailThread.objects.get_or_create(
        ticket=ticket, defaults={"reply_token": secrets.token_hex(16)}
    )
    return thread


def reply_address(thread: EmailThread) -> str:
    local, _, domain = settings.INBOUND_EMAIL_ADDRESS.partition("@")
    return f"{local}+{thread.reply_token}@{domain}"


def message_id_new(thread: EmailThread) -> str:
    """A fresh Message-ID for a mail on this thread, carrying its token."""
    domain = settings.INBOUND_EMAIL_ADDRESS.partition("@")[2]
    return f"<{secrets.token_hex(8)}.sd.{thread.reply_token}@{domain}>"


def ticket_for_mail(*, recipients, thread_ids, sender: str) -> Ticket | None:
    """The ticket a mail answers, or None for a new conversation.

    By the reply address first, then by the Message-IDs it answers: one of ours (its token),
    or one of the customer's own earlier mails on a ticket, if the same address sent it
    (a stranger who learned a Message-ID does not get into someone else's ticket).
    """
    for token in _tokens_in_addresses(recipients):
        thread = EmailThread.objects.select_related("ticket").filter(reply_token=token).first()
        if thread:
            return thread.ticket
    for message_id in thread_ids:
        found = _TOKEN_IN_ID.search(message_id)
        if found:
            thread = EmailThread.objects.select_related("ticket").filter(reply_token=found[1]).first()
            if thread:
                return thread.ticket
        earlier = (
            Message.objects.select_related("ticket")
            .filter(email_message_id=message_id, ticket__customer_email__iexact=sender)
            .first()
        )
        if earlier:
            return earlier.ticket
    return None


def _tokens_in_addresses(recipients) -> list[str]:
    local, _, domain = settings.INBOUND_EMAIL_ADDRESS.partition("@")
    tokens = []
    for address in recipients:
        name, _, at = address.lower().rpartition("@")
        base, plus, tag = name.partition("+")
        if plus and base == local and at == domain and re.fullmatch(r"[0-9a-f]{32}", tag):
            tokens.append(tag)
    return tokens
