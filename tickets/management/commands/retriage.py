import sys
import time
from collections import Counter
from datetime import datetime
from datetime import time as day_time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from ai_engine import ENGINE_NAMES, UnknownPromptVersion, prompt_load
from tickets.models import Intent, Status, Ticket
from tickets.queue import retriage_enqueue
from tickets.services.retriage import ticket_retriage


class Progress:
    """A one-line progress bar with rate and ETA, drawn only on a terminal."""

    def __init__(self, total: int, stream, enabled: bool):
        self.total, self.stream, self.enabled = total, stream, enabled
        self.started = time.monotonic()

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = done / elapsed
        eta = (self.total - done) / rate if rate else 0
        width = 30
        filled = int(width * done / max(self.total, 1))
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total} {rate:.1f}/s ETA {eta:.0f}s")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")


def parse_when(value: str, *, end: bool) -> datetime:
    parsed = parse_datetime(value)
    if parsed is None:
        day = parse_date(value)
        if day is None:
            raise CommandError(f"{value!r} is not a date (YYYY-MM-DD) or date-time")
        parsed = datetime.combine(day, day_time.max if end else day_time.min)
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


class Command(BaseCommand):
    help = (
        "Triage existing tickets again (new engine, prompt or model). Never overrides a human "
        "decision; safe to interrupt and run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--status", action="append", choices=Status.values)
        parser.add_argument("--intent", action="append", choices=Intent.values)
        parser.add_argument("--since", help="Created on or after (YYYY-MM-DD or ISO date-time).")
        parser.add_argument("--until", help="Created on or before.")
        parser.add_argument("--ids", help="Comma-separated ticket ids.")
        parser.add_argument("--limit", type=int)
        parser.add_argument("--engine", choices=ENGINE_NAMES)
        parser.add_argument("--prompt-version")
        parser.add_argument("--dry-run", action="store_true", help="Print what would change; write nothing.")
        parser.add_argument("--enqueue", action="store_true", help="Hand the work to the workers.")

    def handle(self, *args, **opts):
        if opts["dry_run"] and opts["enqueue"]:
            raise CommandError("--dry-run and --enqueue exclude each other")
        if opts["prompt_version"]:
            try:
                prompt_load(opts["prompt_version"])
            except UnknownPromptVersion as exc:
                raise CommandError(str(exc)) from exc
        ids = list(self._selection(opts).values_list("pk", flat=True))
        if opts["enqueue"]:
            return self._enqueue(ids, opts)
        counts = Counter()
        progress = Progress(len(ids), self.stderr, enabled=sys.stderr.isatty())
        try:
            for done, ticket_id in enumerate(ids, 1):
                result = ticket_retriage(
                    ticket_id=ticket_id,
                    engine_name=opts["engine"],
                    prompt_version=opts["prompt_version"],
                    dry_run=opts["dry_run"],
                )
                self._count(counts, result)
                if opts["dry_run"] and not result.skipped:
                    self.stdout.write(f"{ticket_id}: {result.summary}")
                progress.update(done)
        except KeyboardInterrupt:
            self.stderr.write("\nInterrupted; what was done is saved. Run the command again to continue.")
        finally:
            progress.close()
            self._summary(counts, dry_run=opts["dry_run"])

    def _selection(self, opts):
        tickets = Ticket.objects.exclude(decided_by="human").order_by("created_at")
        if opts["status"]:
            tickets = tickets.filter(status__in=opts["status"])
        if opts["intent"]:
            tickets = tickets.filter(intent__in=opts["intent"])
        if opts["since"]:
            tickets = tickets.filter(created_at__gte=parse_when(opts["since"], end=False))
        if opts["until"]:
            tickets = tickets.filter(created_at__lte=parse_when(opts["until"], end=True))
        if opts["ids"]:
            tickets = tickets.filter(pk__in=[i.strip() for i in opts["ids"].split(",") if i.strip()])
        if opts["limit"]:
            tickets = tickets[: opts["limit"]]
        return tickets

    def _enqueue(self, ids, opts):
        for ticket_id in ids:
            retriage_enqueue(ticket_id, engine_name=opts["engine"], prompt_version=opts["prompt_version"])
        self.stdout.write(f"Enqueued {len(ids)} tickets for triage again.")

    @staticmethod
    def _count(counts: Counter, result) -> None:
        if result.skipped:
            counts["skipped"] += 1
            return
        counts["triaged"] += 1
        counts["failed"] += result.failed
        counts["changed intent"] += result.changed_intent
        counts["changed priority"] += result.changed_priority
        newly_resolved = result.status_after == Status.AUTO_RESOLVED != result.status_before
        counts["newly auto-resolved"] += newly_resolved
        counts["sent to review"] += result.status_after == Status.AWAITING_REVIEW != result.status_before

    def _summary(self, counts: Counter, *, dry_run: bool) -> None:
        keys = [
            "triaged",
            "changed intent",
            "changed priority",
            "newly auto-resolved",
            "sent to review",
            "failed",
            "skipped",
        ]
        title = "Dry run (nothing written)" if dry_run else "Triaged again"
        self.stdout.write(f"{title}: " + ", ".join(f"{k} {counts[k]}" for k in keys))
