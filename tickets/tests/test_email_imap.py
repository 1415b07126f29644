"""The mailbox reader against a real IMAP server (Dovecot, started by these tests): IMAPS,
acknowledged only after commit, a crash loses nothing, a restart stores nothing twice,
bad mail never stops it."""

import shutil
import ssl
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from imap_tools import AND, MailBox

from supportdesk.mail_config import parse_imap_url
from tickets.email import imap as reader
from tickets.email.models import InboundEmail, QuarantinedEmail
from tickets.models import Ticket
from tickets.tests.dovecot import PASSWORD, USER, dovecot_start
from tickets.tests.email_corpus import CORPUS
from tickets.tests.email_shapes import CLIENT_REPLIES, new_mail


@pytest.fixture(scope="module")
def dovecot():
    # Not pytest's tmp_path: its 0700 parents would keep Dovecot's mail user out.
    root = Path(tempfile.mkdtemp(prefix="supportdesk-dovecot-"))
    server = dovecot_start(root)
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def queued(monkeypatch):
    """Tickets whose triage was queued (after commit); the workers are other tests' concern."""
    from tickets import receivers

    ids = []
    monkeypatch.setattr(receivers, "triage_enqueue", ids.append)
    monkeypatch.setattr(receivers, "confirmation_enqueue", lambda ticket_id: None)
    return ids


@pytest.fixture
def mailbox(dovecot, settings, queued):
    """The reader pointed at an empty INBOX over IMAPS; yields a client to deliver and look."""
    settings.IMAP_CONFIG = parse_imap_url(dovecot.url())
    settings.IMAP_CA_FILE = str(dovecot.ca_file)
    settings.IMAP_PROCESSED_FOLDER = ""
    context = ssl.create_default_context(cafile=str(dovecot.ca_file))
    with MailBox("127.0.0.1", dovecot.imaps_port, ssl_context=context).login(USER, PASSWORD) as box:
        for folder in box.folder.list():
            if folder.name != "INBOX":
                box.folder.delete(folder.name)
        box.delete(box.uids())
        yield box


def _unseen(box) -> int:
    box.folder.set("INBOX")
    return len(box.uids(AND(seen=False)))


@pytest.mark.django_db(transaction=True)
def test_the_command_reads_new_mail_over_imaps_into_tickets_and_marks_it_read(mailbox, capsys, queued):
    mailbox.append(new_mail(message_id="<imap-1@example.org>"), "INBOX")
    mailbox.append(
        new_mail(sender="bob@example.org", subject="Second", message_id="<imap-2@example.org>"), "INBOX"
    )

    call_command("fetch_mail")

    assert "read 2 mails: 2 created" in capsys.readouterr().out
    assert sorted(Ticket.objects.values_list("customer_email", flat=True)) == [
        "ana@example.org",
        "bob@example.org",
    ]
    assert set(InboundEmail.objects.values_list("channel", flat=True)) == {"imap"}
    assert sorted(queued) == sorted(Ticket.objects.values_list("pk", flat=True))  # triage follows the commit
    assert _unseen(mailbox) == 0
    call_command("fetch_mail")  # nothing new: nothing happens
    assert Ticket.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_wrong_certificate_authority_is_refused(mailbox, settings):
    settings.IMAP_CA_FILE = ""  # the system's CAs do not know the test server's certificate
    mailbox.append(new_mail(), "INBOX")
    with pytest.raises(ssl.SSLError):
        reader.mailbox_fetch()
    assert Ticket.objects.count() == 0 and _unseen(mailbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_crash_after_commit_leaves_the_mail_unread_and_the_restart_stores_it_once(mailbox, monkeypatch):
    mailbox.append(new_mail(message_id="<crash-1@example.org>"), "INBOX")

    def killed(box, uid):
        raise KeyboardInterrupt("the worker was killed between the commit and the IMAP flag")

    real_acknowledge = reader._acknowledge
    monkeypatch.setattr(reader, "_acknowledge", killed)
    with pytest.raises(KeyboardInterrupt):
        reader.mailbox_fetch()
    assert Ticket.objects.count() == 1 and _unseen(mailbox) == 1

    monkeypatch.setattr(reader, "_acknowledge", real_acknowledge)
    assert str(reader.mailbox_fetch()) == "read 1 mails: 1 duplicate"
    assert Ticket.objects.count() == 1 and _unseen(mailbox) == 0


@pytest.mark.django_db(transaction=True)
def test_a_crash_before_commit_loses_nothing(mailbox, monkeypatch):
    mailbox.append(new_mail(message_id="<crash-2@example.org>"), "INBOX")
    from tickets.email import intake

    def dies(*args, **kwargs):
        raise KeyboardInterrupt("the worker was killed while storing the ticket")

    real_keep = intake._keep
    monkeypatch.setattr(intake, "_keep", dies)  # after the ticket row, before the commit
    with pytest.raises(KeyboardInterrupt):
        reader.mailbox_fetch()
    assert Ticket.objects.count() == 0 and _unseen(mailbox) == 1

    monkeypatch.setattr(intake, "_keep", real_keep)
    reader.mailbox_fetch()
    assert Ticket.objects.count() == 1 and _unseen(mailbox) == 0


@pytest.mark.django_db(transaction=True)
def test_bad_mail_is_quarantined_and_the_reader_goes_on_to_the_good_mail_after_it(mailbox, settings):
    for name in sorted(CORPUS):
        mailbox.append(CORPUS[name][0], "INBOX")
    mailbox.append(new_mail(message_id="<after-the-bad@example.org>"), "INBOX")

    report = reader.mailbox_fetch()

    assert report.outcomes == {"quarantined": len(CORPUS), "created": 1}
    assert sorted(QuarantinedEmail.objects.values_list("reason", flat=True)) == sorted(
        r for _, r in CORPUS.values()
    )
    too_large = QuarantinedEmail.objects.get(reason="too_large")
    assert too_large.size < 64 * 1024  # only its headers were downloaded
    assert "20971" in too_large.detail or str(len(CORPUS["twenty_megabyte_body"][0]))[:4] in too_large.detail
    assert _unseen(mailbox) == 0


@pytest.mark.django_db(transaction=True)
def test_read_mail_is_moved_to_the_processed_folder_when_one_is_set(mailbox, settings):
    settings.IMAP_PROCESSED_FOLDER = "Processed"
    mailbox.append(new_mail(), "INBOX")
    reader.mailbox_fetch()
    mailbox.folder.set("INBOX")
    assert mailbox.uids() == []
    mailbox.folder.set("Processed")
    assert len(mailbox.uids()) == 1


@pytest.mark.django_db(transaction=True)
def test_a_gmail_reply_read_from_the_mailbox_threads_into_its_ticket(mailbox):
    mailbox.append(new_mail(message_id="<thread-start@example.org>"), "INBOX")
    reader.mailbox_fetch()
    ticket = Ticket.objects.get()
    mailbox.append(
        CLIENT_REPLIES["gmail"](
            new_text="Found it, thanks!",
            quoted="earlier text",
            in_reply_to="<thread-start@example.org>",
            references="<thread-start@example.org>",
            to="support@example.com",
        ),
        "INBOX",
    )
    reader.mailbox_fetch()
    assert Ticket.objects.count() == 1
    assert ticket.messages.order_by("-created_at", "-id").first().body == "Found it, thanks!"
