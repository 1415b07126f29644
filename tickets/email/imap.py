"""The mailbox reader: every unread mail in IMAP_URL's folder, through the intake service.

A mail is marked read (or moved to IMAP_PROCESSED_FOLDER) only after intake has
committed what it made of it. A crash in between leaves it unread: the next run reads it
again and intake recognises its Message-ID, so a restart loses nothing and stores
nothing twice. A mail over INBOUND_EMAIL_MAX_BYTES is not downloaded whole.
"""

import logging
import ssl
from dataclasses import dataclass, field

from django.conf import settings
from imap_tools import AND, MailBox, MailBoxStartTls, MailBoxUnencrypted, MailMessageFlags

from tickets.email.intake import email_receive
from tickets.email.models import Channel, QuarantineReason
from tickets.email.quarantine import mail_quarantine

logger = logging.getLogger(__name__)

# Per run: a flood is read over several runs, each short enough for the task timeout.
BATCH = 200
TIMEOUT_SECONDS = 30


class MailboxNotConfigured(Exception):
    """IMAP_URL is not set."""


@dataclass
class FetchReport:
    outcomes: dict[str, int] = field(default_factory=dict)

    def count(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def __str__(self) -> str:
        done = ", ".join(f"{n} {outcome}" for outcome, n in sorted(self.outcomes.items()))
        return f"read {sum(self.outcomes.values())} mails" + (f": {done}" if done else "")


def mailbox_fetch(*, limit: int = BATCH) -> FetchReport:
    """Read up to `limit` unread mails. Raises MailboxNotConfigured without IMAP_URL; IMAP
    errors (server down, wrong password) propagate: nothing was acknowledged."""
    config = settings.IMAP_CONFIG
    if config is None:
        raise MailboxNotConfigured("IMAP_URL is not set: there is no mailbox to read.")
    report = FetchReport()
    with _connect(config) as mailbox:
        if settings.IMAP_PROCESSED_FOLDER and not mailbox.folder.exists(settings.IMAP_PROCESSED_FOLDER):
            mailbox.folder.create(settings.IMAP_PROCESSED_FOLDER)
        mailbox.folder.set(config.folder)
        sizes = {
            message.uid: message.size_rfc822
            for message in mailbox.fetch(AND(seen=False), mark_seen=False, headers_only=True, limit=limit)
        }
        for uid, size in sizes.items():
            report.count(_take(mailbox, uid, size))
            _acknowledge(mailbox, uid)
    return report


def _take(mailbox, uid: str, size: int) -> str:
    if size > settings.INBOUND_EMAIL_MAX_BYTES:
        head = _fetch(mailbox, uid, "BODY.PEEK[HEADER]")
        mail_quarantine(
            raw=head,
            channel=Channel.IMAP,
            reason=QuarantineReason.TOO_LARGE,
            detail=f"{size} bytes; the limit is INBOUND_EMAIL_MAX_BYTES={settings.INBOUND_EMAIL_MAX_BYTES}"
            " (only the headers were downloaded)",
        )
        return "quarantined"
    return email_receive(raw=_fetch(mailbox, uid, "BODY.PEEK[]"), channel=Channel.IMAP).outcome


def _fetch(mailbox, uid: str, section: str) -> bytes:
    # The raw bytes as the server holds them (imap-tools' parsed message would re-encode them).
    status, data = mailbox.client.uid("FETCH", uid, f"({section})")
    if status != "OK":
        raise OSError(f"IMAP FETCH {uid} failed: {status} {data!r}")
    return b"".join(part[1] for part in data if isinstance(part, tuple))


def _acknowledge(mailbox, uid: str) -> None:
    if settings.IMAP_PROCESSED_FOLDER:
        mailbox.move(uid, settings.IMAP_PROCESSED_FOLDER)
    else:
        mailbox.flag(uid, MailMessageFlags.SEEN, True)


def _connect(config):
    if config.scheme == "imap":
        box = MailBoxUnencrypted(config.host, config.port, timeout=TIMEOUT_SECONDS)
    else:
        context = ssl.create_default_context(cafile=settings.IMAP_CA_FILE or None)
        cls = MailBox if config.scheme == "imaps" else MailBoxStartTls
        box = cls(config.host, config.port, ssl_context=context, timeout=TIMEOUT_SECONDS)
    return box.login(config.user, config.password, initial_folder=None)
