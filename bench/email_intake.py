"""Email intake benchmark: how long a mail takes from raw bytes to a stored ticket or reply.

    .venv/bin/python bench/email_intake.py [--mails 200] [--imap]

Prints, per mail shape, the parse time alone (no database) and the whole intake service
(parse, thread lookup, ticket_submit or customer_reply, raw and attachments stored) on a
throwaway test database (SQLite by default; set DATABASE_URL for PostgreSQL), then the
malformed corpus (each mail quarantined; the 20 MB one is refused by size before parsing).
With --imap, the same new mails are read from a real Dovecot (tickets/tests/dovecot.py)
by the mailbox reader: mails/s over IMAPS, acknowledged one by one after commit.
Triage is not queued here (that is bench/triage.py's subject).
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "supportdesk.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from tickets import receivers  # noqa: E402
from tickets.email.intake import email_receive  # noqa: E402
from tickets.email.parse import mail_parse  # noqa: E402
from tickets.tests.email_corpus import CORPUS  # noqa: E402
from tickets.tests.email_shapes import CLIENT_REPLIES, new_mail  # noqa: E402


def html_mail(i: int) -> bytes:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = f"h{i}@example.org", "support@example.com", "HTML only"
    mail["Message-ID"] = f"<html-{i}@example.org>"
    mail.set_content("<p>Hello,</p><p>the <b>export</b> fails.</p>" * 20, subtype="html")
    return mail.as_bytes()


def attachment_mail(i: int) -> bytes:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = f"a{i}@example.org", "support@example.com", "Screenshot"
    mail["Message-ID"] = f"<att-{i}@example.org>"
    mail.set_content("See the attached screenshot.")
    mail.add_attachment(os.urandom(1_000_000), maintype="image", subtype="png", filename="shot.png")
    return mail.as_bytes()


SHAPES = {
    "plain new mail": lambda i: new_mail(sender=f"c{i}@example.org", message_id=f"<new-{i}@example.org>"),
    "HTML-only mail": html_mail,
    "1 MB attachment": attachment_mail,
}


def timed(fn, items) -> list[float]:
    times = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        times.append(time.perf_counter() - start)
    return times


def row(name: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[int(len(ms) * 0.95) - 1] if len(ms) >= 20 else ms[-1]
    return f"| {name} | {len(ms)} | {statistics.median(ms):.2f} | {p95:.2f} | {len(ms) / sum(times):.0f} |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mails", type=int, default=200)
    parser.add_argument("--imap", action="store_true")
    args = parser.parse_args()
    # Intake only: the triage and confirmation tasks are other benchmarks' subject.
    receivers.triage_enqueue = receivers.confirmation_enqueue = lambda ticket_id: None
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        print("| mail | n | p50 ms | p95 ms | mails/s |\n|---|---|---|---|---|")
        for name, make in SHAPES.items():
            raws = [make(i) for i in range(args.mails)]
            print(row(f"parse: {name}", timed(mail_parse, raws)))
            print(row(f"intake: {name}", timed(lambda raw: email_receive(raw=raw, channel="endpoint"), raws)))
        replies = [
            CLIENT_REPLIES[client](
                new_text="It still fails.",
                quoted="Hello,\ntry again.",
                in_reply_to=f"<new-{i}@example.org>",
                references=f"<new-{i}@example.org>",
                to="support@example.com",
                sender=f"c{i}@example.org",
                message_id=f"<reply-{client}-{i}@example.org>",
            )
            for i in range(args.mails)
            for client in ("gmail",)
        ]
        print(
            row(
                "intake: Gmail-shaped reply, threaded",
                timed(lambda r: email_receive(raw=r, channel="imap"), replies),
            )
        )
        for name, (raw, _) in CORPUS.items():
            print(
                row(f"quarantine: {name}", timed(lambda r: email_receive(raw=r, channel="endpoint"), [raw]))
            )
        if args.imap:
            imap_rows(args.mails)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def imap_rows(count: int) -> None:
    import ssl

    from django.conf import settings
    from imap_tools import MailBox

    from supportdesk.mail_config import parse_imap_url
    from tickets.email.imap import mailbox_fetch
    from tickets.tests.dovecot import PASSWORD, USER, dovecot_start

    root = Path(tempfile.mkdtemp(prefix="supportdesk-dovecot-bench-"))
    server = dovecot_start(root)
    try:
        settings.IMAP_CONFIG = parse_imap_url(server.url())
        settings.IMAP_CA_FILE = str(server.ca_file)
        context = ssl.create_default_context(cafile=str(server.ca_file))
        with MailBox("127.0.0.1", server.imaps_port, ssl_context=context).login(USER, PASSWORD) as box:
            for i in range(count):
                box.append(
                    new_mail(sender=f"i{i}@example.org", message_id=f"<imap-{i}@example.org>"), "INBOX"
                )
        start = time.perf_counter()
        report = mailbox_fetch(limit=count)
        elapsed = time.perf_counter() - start
        print(
            f"\nIMAP reader over IMAPS (Dovecot on loopback): {report} in {elapsed:.2f} s, "
            f"{count / elapsed:.0f} mails/s"
        )
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
