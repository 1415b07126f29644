import imaplib

from django.core.management.base import BaseCommand, CommandError
from imap_tools.errors import ImapToolsError

from tickets.email.imap import BATCH, MailboxNotConfigured, mailbox_fetch


class Command(BaseCommand):
    help = (
        "Read the unread mail in IMAP_URL's folder into tickets (the periodic task does the same "
        "every minute). Each mail is marked read only after it is stored; safe to interrupt and rerun."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=BATCH, help=f"Mails to read at most (default {BATCH})."
        )

    def handle(self, *args, limit: int, **options):
        try:
            report = mailbox_fetch(limit=limit)
        except MailboxNotConfigured as exc:
            raise CommandError(str(exc)) from exc
        except (OSError, imaplib.IMAP4.error, ImapToolsError) as exc:  # server down, TLS, login
            raise CommandError(f"The mailbox could not be read: {type(exc).__name__}: {exc}") from exc
        self.stdout.write(str(report))
