from datetime import timedelta

from django.core.management.base import CommandError

from tickets.email.retention import mail_purge
from tickets.management.help import CommandWithExamples

MAX_DAYS = 36_500


class Command(CommandWithExamples):
    help = (
        "Remove the original bytes of mails and their attachments received more than DAYS days ago, "
        "and delete the quarantined mails as old. Each ticket's conversation keeps the mail's text; "
        "Message-IDs stay, so replies still thread. Safe to run again (daily from cron, for example)."
    )
    examples = """
  # What a 90-day retention would remove (writes nothing)
  python manage.py purge_mail --older-than 90 --dry-run

  # Remove it
  python manage.py purge_mail --older-than 90
"""

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            required=True,
            metavar="DAYS",
            help="Remove the stored mail of messages received more than DAYS days ago.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count only; remove nothing.")

    def handle(self, *args, older_than: int, dry_run: bool, **options):
        if older_than < 1:
            raise CommandError("--older-than: at least 1 day (0 would remove the mail of today)")
        if older_than > MAX_DAYS:
            # Further back than the calendar goes: timedelta and dates overflow.
            raise CommandError(f"--older-than: at most {MAX_DAYS} days (100 years)")
        report = mail_purge(older_than=timedelta(days=older_than), dry_run=dry_run)
        verb = "Would remove" if dry_run else "Removed"
        self.stdout.write(
            f"{verb} the original bytes of {report.mails} mails and {report.attachments} attachments "
            f"and {'would delete' if dry_run else 'deleted'} {report.quarantined} quarantined mails "
            f"older than {older_than} days ({report.bytes / 2**20:.1f} MB)."
        )
