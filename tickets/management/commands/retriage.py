from argparse import ArgumentTypeError
from collections import Counter
from datetime import datetime
from datetime import time as day_time
from uuid import UUID

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from tqdm import tqdm

from ai_engine import ENGINE_NAMES, UnknownPromptVersion, prompt_load
from tickets.management.help import CommandWithExamples
from tickets.models import Intent, Status, Ticket
from tickets.queue import retriage_enqueue
from tickets.services.decisions import engine_usable
from tickets.services.errors import InvalidAction
from tickets.services.retriage import ticket_retriage

SUBJECT_WIDTH = 36
MAX_CHANGES_SHOWN = 200


def parse_when(value: str, *, end: bool) -> datetime:
    try:
        parsed = parse_datetime(value)
        day = parse_date(value) if parsed is None else None
    except ValueError as exc:  # well formed but impossible: 2026-02-30, 2026-13-45
        raise CommandError(f"{value!r} is not a real date: {exc}") from exc
    if parsed is None:
        if day is None:
            raise CommandError(f"{value!r} is not a date (YYYY-MM-DD) or date-time")
        parsed = datetime.combine(day, day_time.max if end else day_time.min)
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


class Command(CommandWithExamples):
    help = (
        "Triage existing tickets again (new engine, prompt or model). Never overrides a human "
        "decision; safe to interrupt and run again. Shows a progress bar on a terminal, then "
        "the tickets whose intent, priority or route changed."
    )
    examples = """
  # What would the cascade engine change in last month's review queue? (writes nothing)
  python manage.py retriage --status awaiting_review --since 2026-11-01 --engine cascade --dry-run

  # Apply it, here in this process; or hand the work to the workers with --enqueue
  python manage.py retriage --status awaiting_review --since 2026-11-01 --engine cascade
"""

    def add_arguments(self, parser):
        parser.add_argument(
            "--status",
            action="append",
            choices=Status.values,
            help="Only tickets in this status; repeatable.",
        )
        parser.add_argument(
            "--intent",
            action="append",
            choices=Intent.values,
            help="Only tickets with this intent; repeatable.",
        )
        parser.add_argument("--since", help="Created on or after (YYYY-MM-DD or ISO date-time).")
        parser.add_argument("--until", help="Created on or before.")
        parser.add_argument("--ids", help="Comma-separated ticket ids.")
        parser.add_argument("--limit", type=_positive, help="At most this many tickets (oldest first).")
        parser.add_argument("--engine", choices=ENGINE_NAMES, help="Engine to use (default: AI_ENGINE).")
        parser.add_argument(
            "--prompt-version",
            help="Prompt version for the openai and cascade engines (default: the active one).",
        )
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
        try:
            # An engine that cannot run (no API key, no model) would send every answered
            # ticket back to the queue as engine_failed: refuse before touching any.
            engine_usable(engine_name=opts["engine"], prompt_version=opts["prompt_version"])
        except InvalidAction as exc:
            raise CommandError(str(exc)) from exc
        selected = list(self._selection(opts).values_list("pk", "routing_rule"))
        ids = [pk for pk, _ in selected]
        if opts["enqueue"]:
            return self._enqueue(ids, opts)
        rule_before = dict(selected)
        counts, changed = Counter(), []
        # The bar goes to the raw stream: Django's stderr wrapper would paint it as an error.
        bar = tqdm(total=len(ids), unit="ticket", file=self.stderr._out, disable=not self.stderr.isatty())
        try:
            for ticket_id in ids:
                result = ticket_retriage(
                    ticket_id=ticket_id,
                    engine_name=opts["engine"],
                    prompt_version=opts["prompt_version"],
                    dry_run=opts["dry_run"],
                )
                self._count(counts, result)
                if result.changed:
                    changed.append((result, rule_before[ticket_id]))
                bar.update()
        except KeyboardInterrupt:
            bar.close()  # before the message, so it starts on a line of its own
            self.stderr.write("Interrupted; what was done is saved. Run the command again to continue.")
        finally:
            bar.close()
            self._changes(changed, dry_run=opts["dry_run"])
            self._summary(counts, dry_run=opts["dry_run"])

    def _selection(self, opts):
        # Tickets named by id are all shown, a human's with the reason they are skipped.
        tickets = Ticket.objects.order_by("created_at")
        if not opts["ids"]:
            tickets = tickets.exclude(decided_by="human")
        if opts["status"]:
            tickets = tickets.filter(status__in=opts["status"])
        if opts["intent"]:
            tickets = tickets.filter(intent__in=opts["intent"])
        since = parse_when(opts["since"], end=False) if opts["since"] else None
        until = parse_when(opts["until"], end=True) if opts["until"] else None
        if since and until and since > until:
            # Found trying the product: the swapped dates selected nothing and said nothing.
            raise CommandError(f"--since {opts['since']} is after --until {opts['until']}: swap them?")
        if since:
            tickets = tickets.filter(created_at__gte=since)
        if until:
            tickets = tickets.filter(created_at__lte=until)
        if opts["ids"]:
            ids = _ticket_ids(opts["ids"])
            missing = set(ids) - set(Ticket.objects.filter(pk__in=ids).values_list("pk", flat=True))
            if missing:
                raise CommandError(f"--ids: no ticket {', '.join(sorted(map(str, missing)))}")
            tickets = tickets.filter(pk__in=ids)
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
            counts[f"skipped: {result.skipped}"] += 1
            return
        counts["triaged"] += 1
        counts["failed"] += result.failed
        counts["changed intent"] += result.changed_intent
        counts["changed priority"] += result.changed_priority
        newly_resolved = result.status_after == Status.AUTO_RESOLVED != result.status_before
        counts["newly auto-resolved"] += newly_resolved
        counts["sent to review"] += result.status_after == Status.AWAITING_REVIEW != result.status_before

    def _changes(self, changed: list, *, dry_run: bool) -> None:
        """The tickets that changed, one line each: subject, intent, priority, route."""
        if not changed:
            return
        self.stdout.write(("Would change" if dry_run else "Changed") + f": {len(changed)} tickets")
        header = f"{'subject':<{SUBJECT_WIDTH}}  {'intent':<34}  {'priority':<16}  route"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for result, rule_before in changed[:MAX_CHANGES_SHOWN]:
            subject = (
                result.subject
                if len(result.subject) <= SUBJECT_WIDTH
                else result.subject[: SUBJECT_WIDTH - 1] + "…"
            )
            intent = f"{result.intent_before or '-'} -> {result.intent_after or '-'}"
            priority = f"{result.priority_before or '-'} -> {result.priority_after or '-'}"
            before, after = (
                f"{result.status_before} ({rule_before or '-'})",
                f"{result.status_after} ({result.rule_after})",
            )
            route = f"{before} -> {after}"
            self.stdout.write(f"{subject:<{SUBJECT_WIDTH}}  {intent:<34}  {priority:<16}  {route}")
        if len(changed) > MAX_CHANGES_SHOWN:
            self.stdout.write(f"... and {len(changed) - MAX_CHANGES_SHOWN} more")

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
        why = sorted((k.removeprefix("skipped: "), n) for k, n in counts.items() if k.startswith("skipped: "))
        if why:
            self.stdout.write("Skipped: " + ", ".join(f"{n} {reason}" for reason, n in why))


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)


def _ticket_ids(value: str) -> list[UUID]:
    ids = []
    for part in (p.strip() for p in value.split(",")):
        if part:
            try:
                ids.append(UUID(part))
            except ValueError:
                raise CommandError(f"--ids: {part!r} is not a ticket id") from None
    return ids
