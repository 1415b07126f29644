import json
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from ai_engine import EngineError, UnknownPromptVersion, prompt_load
from tickets.evaluation.dataset import dataset_load
from tickets.evaluation.metrics import report
from tickets.evaluation.report import (
    comparison_lines,
    report_lines,
    rule_lines,
    unsafe_lines,
    wrong_intent_lines,
)
from tickets.evaluation.runner import engine_label, evaluate_rows
from tickets.management.help import CommandWithExamples
from tickets.services.engine import engine_get

ENGINES = ("local", "openai", "cascade")
MAX_DISAGREEMENTS_SHOWN = 50


class Command(CommandWithExamples):
    help = (
        "Evaluate an engine (and prompt version) on labelled JSONL datasets with the production "
        "routing rules. Touches no ticket and no decision log. With --compare, both engines "
        "must be configured before anything is evaluated."
    )
    examples = """
  # The local engine on your labelled export, figures also as JSON
  python manage.py evaluate --dataset labels.jsonl --engine local --json figures.json

  # Local engine against the LLM with prompt triage-v2, on the same rows
  OPENAI_SECRET=sk-... python manage.py evaluate --dataset labels.jsonl --compare openai:triage-v2

  # Two local models on the same rows: TF-IDF alone against the shipped (stacked) one
  python manage.py train_engine --tfidf-only --output var/tfidf_only.npz
  python manage.py evaluate --dataset labels.jsonl --model var/tfidf_only.npz --compare local
"""

    def add_arguments(self, parser):
        parser.add_argument(
            "--dataset",
            action="append",
            required=True,
            type=Path,
            help="Labelled JSONL (body and intent; subject, priority, resolvable optional); repeatable.",
        )
        parser.add_argument("--split", help="Keep only rows whose `split` field equals this.")
        parser.add_argument(
            "--engine", choices=ENGINES, default="local", help="Engine to measure (default local)."
        )
        parser.add_argument(
            "--prompt-version",
            help="Prompt version for the openai and cascade engines (default: the active one).",
        )
        parser.add_argument(
            "--compare",
            metavar="ENGINE[:PROMPT_VERSION]",
            help="A second engine or prompt version to evaluate on the same rows.",
        )
        parser.add_argument(
            "--model", type=Path, help="The local model file for --engine (default AI_LOCAL_MODEL_PATH)."
        )
        parser.add_argument(
            "--compare-model",
            type=Path,
            help="The local model file for --compare (default AI_LOCAL_MODEL_PATH).",
        )
        parser.add_argument("--json", type=Path, help="Write the figures as JSON to this file.")

    def handle(self, *args, **opts):
        second_engine = None
        if opts["compare"]:
            engine, _, prompt = opts["compare"].partition(":")
            if engine not in ENGINES:
                raise CommandError(f"--compare: engine {engine!r} is not one of {ENGINES}")
            second_engine = (engine, prompt or None, opts["compare_model"])
        first_engine = (opts["engine"], opts["prompt_version"], opts["model"])
        # Both engines must be able to run, and the figures have somewhere to go, before the
        # first engine spends minutes (or money).
        for engine in filter(None, [first_engine, second_engine]):
            self._check_configured(*engine)
        if opts["json"] and not opts["json"].resolve().parent.is_dir():
            raise CommandError(f"--json {opts['json']}: no such directory")
        rows = []
        for path in opts["dataset"]:
            if not path.is_file():
                raise CommandError(f"--dataset {path}: no such file")
            dataset = dataset_load(path, split=opts["split"])
            for problem in dataset.problems:
                self.stderr.write(f"skipped {problem}")
            rows += dataset.rows
        if not rows:
            # Say which filter emptied it: "no usable rows" alone sent a user looking for a
            # broken file when the rows simply had no `split` field.
            split = opts["split"]
            where = f" with split {split!r} (a row's `split` field must equal it)" if split else ""
            raise CommandError(f"no usable rows{where} in the datasets")
        first = self._evaluate(rows, *first_engine)
        self.stdout.write("\n".join(report_lines(first["figures"], title=first["figures"]["engine_label"])))
        self.stdout.write(
            "\n".join(
                rule_lines(first["evaluated"])
                + wrong_intent_lines(first["evaluated"])
                + unsafe_lines(first["evaluated"])
            )
        )
        output = first["figures"]
        if second_engine:
            second = self._evaluate(rows, *second_engine)
            self.stdout.write("")
            self.stdout.write(
                "\n".join(report_lines(second["figures"], title=second["figures"]["engine_label"]))
            )
            self.stdout.write("")
            self.stdout.write("\n".join(comparison_lines(first["figures"], second["figures"])))
            self._disagreements(first["evaluated"], second["evaluated"])
            output = {"first": first["figures"], "second": second["figures"]}
        if opts["json"]:
            try:
                opts["json"].write_text(json.dumps(output, indent=2))
            except OSError as exc:  # not writable: the report above is still on screen
                raise CommandError(f"--json {opts['json']}: {exc.strerror}") from exc
            self.stdout.write(f"Wrote {opts['json']}")

    @staticmethod
    def _check_configured(engine: str, prompt_version: str | None, model: Path | None) -> None:
        if prompt_version:
            # The local engine ignores prompts: a mistyped version would otherwise pass
            # unnoticed there and fail only when run with the LLM (retriage checks it too).
            try:
                prompt_load(prompt_version)
            except UnknownPromptVersion as exc:
                raise CommandError(f"--prompt-version: {exc}. Nothing was evaluated.") from exc
        try:
            engine_get(engine_name=engine, prompt_version=prompt_version, local_model_path=model)
        except EngineError as exc:
            raise CommandError(
                f"{engine_label(engine, prompt_version)}: {exc}. Nothing was evaluated. "
                "Settings come from the environment or from .env beside manage.py."
            ) from exc

    def _evaluate(self, rows, engine: str, prompt_version: str | None, model: Path | None) -> dict:
        try:
            evaluated = evaluate_rows(
                rows, engine_name=engine, prompt_version=prompt_version, local_model_path=model
            )
        except EngineError as exc:
            raise CommandError(f"{engine}: {exc}") from exc
        figures = report([e.scored for e in evaluated])
        figures["rules"] = dict(Counter(e.rule for e in evaluated))
        figures["unsafe_ids"] = [e.row.id for e in evaluated if e.scored.auto_resolved and e.scored.unsafe]
        figures["wrong_intent_ids"] = [e.row.id for e in evaluated if not e.scored.correct]
        figures["engine"] = engine
        figures["prompt_version"] = prompt_version or (
            settings.AI_PROMPT_VERSION if engine != "local" else None
        )
        figures["engine_label"] = engine_label(engine, prompt_version)
        if engine == "local":
            # Comparing two local models, "local" alone would not tell which is which.
            figures["local_model"] = str(model or settings.AI_LOCAL_MODEL_PATH)
            figures["engine_label"] += f" ({evaluated[0].result.model})"
        return {"figures": figures, "evaluated": evaluated}

    def _disagreements(self, first, second) -> None:
        rows = [
            (a.row, a.scored.predicted_intent, b.scored.predicted_intent)
            for a, b in zip(first, second, strict=True)
            if a.scored.predicted_intent != b.scored.predicted_intent
        ]
        self.stdout.write(f"\nRows where they disagree on intent: {len(rows)}")
        for row, left, right in rows[:MAX_DISAGREEMENTS_SHOWN]:
            text = (row.subject + " " + row.body).strip().replace("\n", " ")[:80]
            self.stdout.write(f"  {row.id}: label {row.intent}; {left} vs {right}: {text}")
        if len(rows) > MAX_DISAGREEMENTS_SHOWN:
            self.stdout.write(f"  ... and {len(rows) - MAX_DISAGREEMENTS_SHOWN} more")
