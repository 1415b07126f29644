"""Rows of the email channel; imported by tickets.models so Django finds them."""

from django.db import models
from django.db.models import Q

from tickets.models import SUBJECT_MAX, Message, Ticket


class Channel(models.TextChoices):
    """Which way in a mail took."""

    IMAP = "imap"
    ENDPOINT = "endpoint"


class EmailThread(models.Model):
    """A ticket's mail thread: the unguessable token in its reply address and in the
    Message-IDs of the mail we send, so a customer's reply finds its ticket."""

    ticket = models.OneToOneField(Ticket, on_delete=models.CASCADE, related_name="email_thread")
    reply_token = models.CharField(max_length=32, unique=True, editable=False)
    # Set when the mail that opened the ticket was written by a machine (an auto-reply, a
    # bounce, a list): nothing automatic may answer it, or two robots mail each other forever.
    automatic_sender = models.CharField(max_length=200, blank=True, default="")
    # The first mail we sent on a thread that no customer mail started (API and web-form
    # tickets: the confirmation, which has no conversation message of its own): every later
    # mail references it, so clients keep the whole exchange in one thread.
    root_message_id = models.CharField(max_length=998, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"mail thread of {self.ticket_id}"


class InboundEmail(models.Model):
    """A mail taken in, kept byte for byte for agents (the conversation shows its clean text)."""

    # The mail's Message-ID (or one derived from its bytes when it has none): stored once.
    email_message_id = models.CharField(max_length=998, unique=True)
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="inbound_emails")
    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="inbound_email")
    sender = models.CharField(max_length=254)
    subject = models.CharField(max_length=SUBJECT_MAX, blank=True, default="")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    # Why it counts as written by a machine ("" for a person): stored, never answered automatically.
    automatic = models.CharField(max_length=200, blank=True, default="")
    raw = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when `purge_mail` removed the bytes; the row stays for threading and duplicates.
    raw_purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.email_message_id


class EmailAttachment(models.Model):
    """A file that came with a customer's mail. Agents see it; the AI engine never does.

    A file over INBOUND_ATTACHMENT_MAX_BYTES is dropped: its row stays, without data, so
    the agent knows the customer sent it.
    """

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    dropped = models.BooleanField(default=False)
    data = models.BinaryField(blank=True, default=b"")
    # Set when `purge_mail` removed the file; the row stays so the agent knows it was sent.
    purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(dropped=False) | Q(data=b""), name="attachment_dropped_empty")
        ]

    def __str__(self) -> str:
        return self.filename


class QuarantineReason(models.TextChoices):
    TOO_LARGE = "too_large"
    HEADERS_TOO_LARGE = "headers_too_large"
    BROKEN_MIME = "broken_mime"
    TOO_DEEP = "too_deep"
    NO_SENDER = "no_sender"
    SENDER_REFUSED = "sender_refused"
    UNKNOWN_CHARSET = "unknown_charset"
    WRONG_CHARSET = "wrong_charset"
    EMPTY = "empty"
    RATE_LIMITED = "rate_limited"
    UNREADABLE = "unreadable"


class QuarantinedEmail(models.Model):
    """A mail intake could not turn into a ticket or a reply, with the reason, for agents."""

    reason = models.CharField(max_length=20, choices=QuarantineReason.choices)
    detail = models.TextField(blank=True, default="")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    # Read best-effort from the headers: the mail may be too broken to say.
    email_message_id = models.CharField(max_length=998, blank=True, default="")
    sender = models.CharField(max_length=998, blank=True, default="")
    subject = models.CharField(max_length=998, blank=True, default="")
    size = models.PositiveBigIntegerField()
    # The mail as it came, cut at INBOUND_QUARANTINE_KEEP_BYTES when it was too large.
    raw = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "quarantined email"

    def __str__(self) -> str:
        return f"{self.reason}: {self.subject[:60]}"
