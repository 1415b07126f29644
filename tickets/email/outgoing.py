"""The mail we send, threaded: its own Message-ID, In-Reply-To and References to the
conversation, a reply address that finds the ticket, and for automatic mail the RFC 3834
marks that keep other robots from answering it."""

from django.conf import settings
from django.core.mail import EmailMessage

from tickets.email.models import EmailThread
from tickets.email.threading import message_id_new, reply_address, thread_for
from tickets.models import Message, Ticket

# RFC 5322 allows long References; clients keep the first and the latest few.
REFERENCES_KEPT = 10


def mail_build(*, ticket: Ticket, subject: str, body: str, automatic: bool) -> EmailMessage:
    """The mail to the customer, ready to send; its Message-ID is `mail.extra_headers["Message-ID"]`."""
    thread = thread_for(ticket)
    earlier = list(
        Message.objects.filter(ticket=ticket)
        .exclude(email_message_id="")
        .values_list("kind", "email_message_id", "inbound_email__automatic")
    )
    headers = {"Message-ID": message_id_new(thread)}
    if not earlier and not thread.root_message_id:
        # The first mail of a thread no mail started: the one every later mail refers to.
        thread.root_message_id = headers["Message-ID"]
        thread.save(update_fields=["root_message_id"])
    ids = [mid for _, mid, _ in earlier]
    if thread.root_message_id not in ("", headers["Message-ID"], *ids):
        ids.insert(0, thread.root_message_id)
    if ids:
        # The customer's own last word, not an out-of-office that joined the thread after it.
        customers = [mid for kind, mid, machine in earlier if kind == Message.Kind.CUSTOMER and not machine]
        headers["In-Reply-To"] = (customers or ids)[-1]
        kept = ids if len(ids) <= REFERENCES_KEPT else ids[:1] + ids[-(REFERENCES_KEPT - 1) :]
        headers["References"] = " ".join(kept)
    if automatic:
        headers["Auto-Submitted"] = "auto-replied"
        # Asks Exchange and Outlook not to answer it with an out-of-office reply.
        headers["X-Auto-Response-Suppress"] = "All"
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[ticket.customer_email],
        reply_to=[reply_address(thread)],
        headers=headers,
    )


def automatic_mail_refused(ticket: Ticket) -> str:
    """Why no automatic mail may go to this ticket's customer ("" when it may): its first
    mail came from a machine (an auto-reply, a bounce), and machines answering machines loop."""
    reason = EmailThread.objects.filter(ticket=ticket).values_list("automatic_sender", flat=True).first()
    return reason or ""
