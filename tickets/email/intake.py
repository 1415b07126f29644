"""The one service both ways in call (the IMAP reader and `POST /inbound/email/`).

A mail becomes exactly one of: a new ticket (source email, through ticket_submit, so the
same validation, guards and triage as the API), a message appended to the ticket it
answers (customer_reply: back to a human, rule customer_replied), a duplicate of one
already stored, or a quarantined mail with its reason. Nothing raises out of here: a
mail that breaks the code is quarantined too, so one bad mail never stops intake.
"""

import logging
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from tickets.email.models import EmailAttachment, InboundEmail, QuarantineReason
from tickets.email.parse import MailRefused, ParsedMail, mail_parse
from tickets.email.quarantine import mail_quarantine
from tickets.email.replies import reply_text
from tickets.email.senders import sender_allowed
from tickets.email.threading import thread_for, ticket_for_mail
from tickets.models import BODY_MAX, SUBJECT_MAX, Message, Source, Ticket
from tickets.serializers import TicketCreateInputSerializer
from tickets.services.conversation import customer_reply
from tickets.services.submission import ticket_submit

logger = logging.getLogger(__name__)

ATTACHMENTS_ONLY = "[attachments only]"
NO_SUBJECT = "(no subject)"


@dataclass(frozen=True)
class Intake:
    """What became of one mail: created, appended, duplicate or quarantined."""

    outcome: str
    ticket_id: str | None = None
    reason: str = ""


def email_receive(*, raw: bytes, channel: str) -> Intake:
    """Take in one raw RFC 822 mail. Never raises; the caller may acknowledge the mail
    (mark it read, answer 200) once this returns: whatever it did is committed."""
    try:
        return _receive(raw, channel)
    except Exception as exc:
        logger.exception("inbound mail could not be taken in; quarantined")
        return _quarantined(raw, channel, QuarantineReason.UNREADABLE, f"{type(exc).__name__}: {exc}")


def _receive(raw: bytes, channel: str) -> Intake:
    if len(raw) > settings.INBOUND_EMAIL_MAX_BYTES:
        detail = (
            f"over INBOUND_EMAIL_MAX_BYTES={settings.INBOUND_EMAIL_MAX_BYTES} (at least {len(raw)} bytes)"
        )
        return _quarantined(raw, channel, QuarantineReason.TOO_LARGE, detail)
    try:
        mail = mail_parse(raw)
    except MailRefused as refused:
        return _quarantined(raw, channel, refused.reason, refused.detail)
    duplicate = _stored_before(mail.message_id)
    if duplicate:
        return duplicate
    if not mail.automatic and not sender_allowed(mail.customer):
        return _quarantined(
            raw, channel, QuarantineReason.RATE_LIMITED, f"{mail.customer} is over TICKETS_ANON_RATE"
        )
    ticket = ticket_for_mail(recipients=mail.recipients, thread_ids=mail.thread_ids, sender=mail.customer)
    try:
        with transaction.atomic():
            if ticket is None:
                return _open(mail, raw, channel)
            return _append(ticket, mail, raw, channel)
    except MailRefused as refused:
        return _quarantined(raw, channel, refused.reason, refused.detail)
    except IntegrityError:
        # The same mail, delivered at the same moment by another reader or request.
        duplicate = _stored_before(mail.message_id)
        if duplicate:
            return duplicate
        raise


def _open(mail: ParsedMail, raw: bytes, channel: str) -> Intake:
    subject = _plain(mail.subject, single_line=True)[:SUBJECT_MAX].strip() or NO_SUBJECT
    text = _plain(mail.text) or _plain(mail.subject) or (ATTACHMENTS_ONLY if mail.attachments else "")
    if not text:
        raise MailRefused(QuarantineReason.EMPTY, "no text, no subject and no attachment")
    # The API's own validation: the same rules for the address, subject and body.
    fields = TicketCreateInputSerializer(
        data={"subject": subject, "body": _within_limit(text), "customer_email": mail.customer}
    )
    if not fields.is_valid():
        reason = (
            QuarantineReason.SENDER_REFUSED
            if "customer_email" in fields.errors
            else QuarantineReason.UNREADABLE
        )
        raise MailRefused(
            reason, "; ".join(f"{k}: {' '.join(map(str, v))}" for k, v in fields.errors.items())
        )
    ticket, _ = ticket_submit(**fields.validated_data, source=Source.EMAIL, email_message_id=mail.message_id)
    if mail.automatic:
        thread = thread_for(ticket)
        thread.automatic_sender = mail.automatic
        thread.save(update_fields=["automatic_sender"])
    _keep(ticket, ticket.messages.get(email_message_id=mail.message_id), mail, raw, channel)
    return Intake("created", str(ticket.pk))


def _append(ticket: Ticket, mail: ParsedMail, raw: bytes, channel: str) -> Intake:
    text = reply_text(_plain(mail.text)) or (ATTACHMENTS_ONLY if mail.attachments else _plain(mail.subject))
    text = _within_limit(text or NO_SUBJECT)
    if mail.automatic:
        # An out-of-office or a bounce is not the customer writing again: kept in the
        # conversation for the agent, the ticket stays where it is, and nothing answers it.
        message = Message.objects.create(
            ticket=ticket,
            kind=Message.Kind.CUSTOMER,
            source=Source.EMAIL,
            body=text,
            email_message_id=mail.message_id,
        )
    else:
        customer_reply(ticket_id=ticket.pk, body=text, source=Source.EMAIL, email_message_id=mail.message_id)
        message = ticket.messages.get(email_message_id=mail.message_id)
    _keep(ticket, message, mail, raw, channel)
    return Intake("appended", str(ticket.pk))


def _within_limit(text: str) -> str:
    """`text`, or its start with a note saying it was cut: the agent must not take a long
    mail's first 20,000 characters for all of it (the whole mail is kept with the ticket)."""
    if len(text) <= BODY_MAX:
        return text
    note = f"\n\n[Shortened here: the mail has {len(text):,} characters; the full mail is kept with it.]"
    return text[: BODY_MAX - len(note)] + note


def _keep(ticket: Ticket, message: Message, mail: ParsedMail, raw: bytes, channel: str) -> None:
    InboundEmail.objects.create(
        email_message_id=mail.message_id,
        ticket=ticket,
        message=message,
        sender=mail.sender[:254],
        subject=mail.subject[:SUBJECT_MAX],
        channel=channel,
        automatic=mail.automatic,
        raw=raw,
    )
    limit = settings.INBOUND_ATTACHMENT_MAX_BYTES
    EmailAttachment.objects.bulk_create(
        EmailAttachment(
            message=message,
            filename=attachment.filename,
            content_type=attachment.content_type[:255],
            size=len(attachment.data),
            dropped=len(attachment.data) > limit,
            data=b"" if len(attachment.data) > limit else attachment.data,
        )
        for attachment in mail.attachments
    )


def _stored_before(message_id: str) -> Intake | None:
    ticket_id = (
        InboundEmail.objects.filter(email_message_id=message_id).values_list("ticket_id", flat=True).first()
        # Our own mail delivered back to us carries a Message-ID we stored when sending it.
        or Message.objects.filter(email_message_id=message_id).values_list("ticket_id", flat=True).first()
    )
    return Intake("duplicate", str(ticket_id)) if ticket_id else None


def _quarantined(raw: bytes, channel: str, reason: str, detail: str) -> Intake:
    quarantined = mail_quarantine(raw=raw, channel=channel, reason=reason, detail=detail)
    return Intake("quarantined", reason=f"{quarantined.reason}: {quarantined.detail}")


def _plain(text: str, *, single_line: bool = False) -> str:
    """Text as the API accepts it: no control characters (tabs and, unless single_line, line breaks kept)."""
    kept = []
    for ch in text:
        if ch == "\n" and not single_line:
            kept.append(ch)
        elif ch == "\t" or (unicodedata.category(ch) in ("Cc", "Cs")):
            kept.append(" ")
        else:
            kept.append(ch)
    return "".join(kept).strip()
