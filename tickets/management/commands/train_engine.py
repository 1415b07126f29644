from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ai_engine import local_model
from ai_engine.starter import as_examples, starter_rows
from tickets.selectors import reviewed_tickets


class Command(BaseCommand):
    help = "Train the local engine on the starter examples plus every ticket a human reviewed."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(settings.AI_LOCAL_MODEL_PATH))
        parser.add_argument(
            "--if-missing", action="store_true", help="Do nothing when the model file exists."
        )

    def handle(self, *args, output, if_missing, **options):
        path = Path(output)
        if if_missing and path.exists():
            self.stdout.write(f"Local model already at {path}; not retraining.")
            return
        starter = starter_rows()
        reviewed = [
            {"subject": t.subject, "body": t.body, "intent": t.intent, "priority": t.priority}
            for t in reviewed_tickets().iterator()
        ]
        examples = as_examples(starter + reviewed)
        try:
            model = local_model.train(examples)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        local_model.save(model, path)
        self.stdout.write(
            self.style.SUCCESS(
                f"Trained {model.meta['version']} on {len(starter)} starter examples and "
                f"{len(reviewed)} reviewed tickets; data hash {model.meta['data_hash'][:12]}; "
                f"saved to {path}."
            )
        )
