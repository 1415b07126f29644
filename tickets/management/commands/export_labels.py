import json
import sys

from django.core.management.base import BaseCommand, CommandError

from tickets.selectors import reviewed_labels


class Command(BaseCommand):
    help = (
        "Write every human-reviewed ticket as JSONL in the evaluation dataset format "
        "(id, subject, body, intent, priority), secrets masked."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write; default: standard output.")

    def handle(self, *args, output=None, **options):
        try:
            stream = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"--output {output}: {exc.strerror}") from exc
        count = 0
        try:
            for label in reviewed_labels():
                row = {key: label[key] for key in ("id", "subject", "body", "intent", "priority")}
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
        finally:
            if output:
                stream.close()
        self.stderr.write(f"Exported {count} reviewed tickets.")
