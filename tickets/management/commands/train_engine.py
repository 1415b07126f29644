from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ai_engine import local_model_train, local_model_usable
from tickets.evaluation.dataset import at_most_per_intent, dataset_load
from tickets.selectors import reviewed_labels


class Command(BaseCommand):
    help = (
        "Train the local engine on the starter examples, every ticket a human reviewed, "
        "and any labelled JSONL datasets given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=str(settings.AI_LOCAL_MODEL_PATH),
            metavar="PATH",
            help="Where to save the model (default: AI_LOCAL_MODEL_PATH, the file the engine loads).",
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing when a usable model file exists (a missing or outdated one is retrained).",
        )
        parser.add_argument(
            "--dataset",
            action="append",
            type=Path,
            default=[],
            help="Extra labelled JSONL (the evaluate format); rows without priority train intent only.",
        )
        parser.add_argument("--split", help="With --dataset: keep only rows whose `split` equals this.")
        parser.add_argument(
            "--per-intent",
            type=int,
            default=0,
            metavar="N",
            help=(
                "With --dataset: at most N rows of each intent from each file (the same sample every "
                "run), so a large dataset does not outnumber the starter examples; 0 (default) keeps all."
            ),
        )
        parser.add_argument(
            "--tfidf-only",
            action="store_true",
            help="TF-IDF features alone, without sentence embeddings: a baseline for `evaluate --compare`.",
        )

    def handle(self, *args, output, if_missing, dataset, split, per_intent, tfidf_only, **options):
        if per_intent < 0:
            raise CommandError(f"--per-intent must be 0 (keep all) or more, not {per_intent}")
        if not dataset and (split is not None or per_intent):
            # Found trying the product: they trained for a minute on the starter examples
            # alone and reported success, as if the option had applied.
            given = "--split" if split is not None else "--per-intent"
            raise CommandError(f"{given} applies to --dataset files; give one, or leave {given} out")
        path = Path(output)
        if if_missing and local_model_usable(path):
            self.stdout.write(f"Local model already at {path}; not retraining.")
            return
        reviewed = list(reviewed_labels())
        extra = []
        for file in dataset:
            if not file.is_file():
                raise CommandError(f"--dataset {file}: no such file")
            loaded = dataset_load(file, split=split)
            for problem in loaded.problems:
                self.stderr.write(f"skipped {problem}")
            if not loaded.rows:
                # The operator meant to teach the engine something: training without it
                # and reporting "0 dataset rows" would look like success.
                where = f" with split {split!r}" if split else ""
                raise CommandError(
                    f"--dataset {file}: no usable rows{where} ({len(loaded.problems)} lines skipped); "
                    "nothing was trained"
                )
            rows = at_most_per_intent(loaded.rows, per_intent)
            if len(rows) < len(loaded.rows):
                kept = f"{len(rows)} of {len(loaded.rows)} rows kept"
                self.stdout.write(f"--dataset {file}: {kept} (at most {per_intent} per intent)")
            extra += [
                {
                    "subject": r.subject,
                    "body": r.body,
                    "intent": r.intent,
                    "priority": r.priority,
                    "resolvable": r.resolvable,
                }
                for r in rows
            ]
        try:
            meta = local_model_train(reviewed + extra, path, stacked=not tfidf_only)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Trained {meta['version']} on {meta['starter_examples']} starter examples, "
                f"{len(reviewed)} reviewed tickets and {len(extra)} dataset rows; "
                f"data hash {meta['data_hash'][:12]}; saved to {path}."
            )
        )
