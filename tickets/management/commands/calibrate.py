from pathlib import Path

from django.core.management.base import CommandError

from ai_engine import EngineError
from tickets.evaluation.dataset import Row, dataset_load
from tickets.evaluation.metrics import threshold_for_precision
from tickets.evaluation.runner import evaluate_rows
from tickets.management.help import CommandWithExamples
from tickets.models import IntentThreshold
from tickets.routing import routing_config
from tickets.selectors import reviewed_tickets

MIN_ROWS_PER_INTENT = 30


class Command(CommandWithExamples):
    help = (
        "Recommend per-intent auto-resolve thresholds that reach a target precision, from a "
        "labelled dataset or from reviewed tickets. Writes them only with --apply. An intent with "
        "fewer labelled rows than --min-rows gets no recommendation: a threshold measured on a "
        "handful of tickets is noise."
    )
    examples = """
  # What would reviewed tickets recommend? (writes nothing)
  python manage.py calibrate --target-precision 0.97

  # Measure on your own labelled export and save the thresholds
  python manage.py export_labels --output labels.jsonl
  python manage.py calibrate --dataset labels.jsonl --target-precision 0.97 --apply
"""

    def add_arguments(self, parser):
        parser.add_argument("--dataset", type=Path, help="Labelled JSONL; default: reviewed tickets.")
        parser.add_argument(
            "--target-precision",
            type=float,
            default=0.97,
            help="Share of auto-resolved tickets that must be right, 0-1 (default 0.97).",
        )
        parser.add_argument(
            "--engine",
            choices=("local", "openai", "cascade"),
            default="local",
            help="Engine whose confidence the thresholds are for (default local).",
        )
        parser.add_argument("--apply", action="store_true", help="Save the recommended thresholds.")
        parser.add_argument(
            "--allow-loosen", action="store_true", help="Allow lowering a threshold in force."
        )
        parser.add_argument(
            "--min-rows",
            type=int,
            default=MIN_ROWS_PER_INTENT,
            help=f"Labelled rows an intent needs before a threshold is recommended (default "
            f"{MIN_ROWS_PER_INTENT}); they count twice: labelled that intent, and predicted it.",
        )

    def handle(self, *args, **opts):
        target = opts["target_precision"]
        if not 0.0 < target <= 1.0:
            raise CommandError("--target-precision must be in (0, 1]")
        if opts["min_rows"] < 1:
            raise CommandError("--min-rows must be at least 1")
        rows = self._rows(opts["dataset"])
        config = routing_config()
        try:
            evaluated = evaluate_rows(rows, engine_name=opts["engine"], config=config)
        except EngineError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{len(rows)} rows; target auto-resolve precision {target:.2f}; "
            f"at least {opts['min_rows']} labelled rows per intent"
        )
        self.stdout.write(
            f"{'intent':<18}{'rows':>6}{'current':>9}{'recommended':>13}{'coverage':>10}  action"
        )
        recommended_any = False
        for intent in sorted(config.auto_resolve_intents):
            labelled = sum(row.intent == intent for row in rows)
            scored = [e.scored for e in evaluated if e.scored.predicted_intent == intent]
            current = config.threshold_for(intent)
            too_few = self._too_few(labelled, len(scored), opts["min_rows"])
            if too_few:
                self.stdout.write(f"{intent:<18}{labelled:>6}{current:>9.3f}{'-':>13}{'-':>10}  {too_few}")
                continue
            recommended_any = True
            found = threshold_for_precision(scored, target)
            # Nothing reaches the target: recommend switching auto-resolve off for this intent.
            recommended = found["threshold"] if found["threshold"] is not None else 1.0
            coverage = found["coverage"] or 0.0
            action = self._action(intent, current, recommended, opts)
            self.stdout.write(
                f"{intent:<18}{labelled:>6}{current:>9.3f}{recommended:>13.3f}{coverage:>10.3f}  {action}"
            )
        if not recommended_any:
            raise CommandError(
                f"no intent has {opts['min_rows']} labelled rows; nothing recommended or written. "
                "Review more tickets or give a larger --dataset."
            )
        if not opts["apply"]:
            self.stdout.write("Dry run: nothing written. Use --apply to save.")

    @staticmethod
    def _too_few(labelled: int, predicted: int, minimum: int) -> str:
        if labelled < minimum:
            return f"not enough data: {labelled} labelled rows, need {minimum}; kept"
        if predicted < minimum:
            return f"not enough data: the engine chose this intent for {predicted} rows, need {minimum}; kept"
        return ""

    def _action(self, intent: str, current: float, recommended: float, opts) -> str:
        if recommended < current and not opts["allow_loosen"]:
            return "kept (would loosen; use --allow-loosen)"
        if not opts["apply"]:
            return "would set"
        IntentThreshold.objects.update_or_create(intent=intent, defaults={"threshold": recommended})
        return "set"

    def _rows(self, dataset: Path | None) -> list[Row]:
        if dataset:
            if not dataset.is_file():
                raise CommandError(f"--dataset {dataset}: no such file")
            loaded = dataset_load(dataset)
            for problem in loaded.problems:
                self.stderr.write(f"skipped {problem}")
            rows = loaded.rows
        else:
            rows = [
                Row(str(t.pk), t.subject, t.body, t.intent, t.priority, t.resolvable)
                for t in reviewed_tickets().iterator()
            ]
        if not rows:
            raise CommandError("no labelled rows: give --dataset or review some tickets first")
        return rows
