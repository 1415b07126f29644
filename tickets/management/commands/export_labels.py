import json
import sys

from django.core.management.base import BaseCommand

from tickets.selectors import reviewed_tickets


class Command(BaseCommand):
    help = (
        "Write every human-reviewed ticket as JSONL in the evaluation dataset format "
        "(id, subject, body, intent, priority)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write; default: standard output.")

    def handle(self, *args, output=None, **options):
        stream = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
        count = 0
        try:
            for ticket in reviewed_tickets().iterator():
                row = {
                    "id": str(ticket.pk),
                    "subject": ticket.subject,
                    "body": ticket.body,
                    "intent": ticket.intent,
                    "priority": ticket.priority,
                }
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
        finally:
            if output:
                stream.close()
        self.stderr.write(f"Exported {count} reviewed tickets.")
