"""purge_mail: old mails' bytes and files go, their records stay, replies still thread."""

from datetime import timedelta
from email.message import EmailMessage
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tickets.email.intake import email_receive
from tickets.email.models import EmailAttachment, InboundEmail, QuarantinedEmail
from tickets.models import Message, Ticket
from tickets.tests.email_corpus import CORPUS


def _mail_with_file(message_id: str) -> bytes:
    mail = EmailMessage()
    mail["From"] = "ana@example.org"
    mail["To"] = "support@example.com"
    mail["Message-ID"] = message_id
    mail["Subject"] = "Screenshot of the error"
    mail.set_content("The error is in the attached screenshot.")
    mail.add_attachment(b"\x89PNG small image", maintype="image", subtype="png", filename="error.png")
    return mail.as_bytes()


def _age(days: int) -> None:
    """Everything stored so far was received `days` ago."""
    then = timezone.now() - timedelta(days=days)
    InboundEmail.objects.update(created_at=then)
    Message.objects.update(created_at=then)
    QuarantinedEmail.objects.update(created_at=then)


def purge(*args) -> str:
    out = StringIO()
    call_command("purge_mail", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_old_mail_loses_its_bytes_and_files_but_keeps_its_text_and_threading(admin_client):
    ticket_id = email_receive(raw=_mail_with_file("<old-1@example.org>"), channel="endpoint").ticket_id
    email_receive(raw=CORPUS["unknown_charset"][0], channel="endpoint")
    _age(100)
    fresh = email_receive(raw=_mail_with_file("<new-1@example.org>"), channel="endpoint").ticket_id

    assert purge("--older-than", "90", "--dry-run").startswith(
        "Would remove the original bytes of 1 mails and 1 attachments and would delete 1 quarantined"
    )
    assert InboundEmail.objects.filter(raw_purged_at__isnull=False).count() == 0

    assert purge("--older-than", "90").startswith(
        "Removed the original bytes of 1 mails and 1 attachments and deleted 1 quarantined mails"
    )

    old = InboundEmail.objects.get(ticket_id=ticket_id)
    assert bytes(old.raw) == b"" and old.raw_purged_at is not None
    assert Ticket.objects.get(pk=ticket_id).body == "The error is in the attached screenshot."
    assert QuarantinedEmail.objects.count() == 0
    file = EmailAttachment.objects.get(message__ticket_id=ticket_id)
    assert bytes(file.data) == b"" and file.filename == "error.png"
    assert admin_client.get(f"/staff/attachments/{file.pk}").status_code == 410
    assert admin_client.get(f"/staff/emails/{old.pk}/raw").status_code == 410
    page = admin_client.get(f"/admin/tickets/awaitingreviewticket/{ticket_id}/change/").content.decode()
    assert "error.png" in page and "removed on" in page and f"/staff/attachments/{file.pk}" not in page
    # The newer mail is whole; the same old mail delivered again is still known.
    assert bytes(InboundEmail.objects.get(ticket_id=fresh).raw) != b""
    again = email_receive(raw=_mail_with_file("<old-1@example.org>"), channel="endpoint")
    assert (again.outcome, again.ticket_id) == ("duplicate", ticket_id)
    assert purge("--older-than", "90").startswith("Removed the original bytes of 0 mails and 0 attachments")


@pytest.mark.django_db
def test_a_retention_under_a_day_is_refused():
    with pytest.raises(CommandError, match="at least 1 day"):
        purge("--older-than", "0")


@pytest.mark.django_db
@pytest.mark.parametrize("days", ["1000000", "99999999999"])
def test_a_retention_past_the_calendar_is_refused_not_a_traceback(days):
    # Found trying the product: OverflowError tracebacks ("date value out of range").
    with pytest.raises(CommandError, match="at most 36500 days"):
        purge("--older-than", days, "--dry-run")
