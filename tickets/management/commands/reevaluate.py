"""`reevaluate`: the old name of `retriage`, kept for one release for existing scripts."""

from tickets.management.commands.retriage import Command as RetriageCommand


class Command(RetriageCommand):
    help = "Deprecated name of `retriage` (removed in the next release); " + RetriageCommand.help
    examples = RetriageCommand.examples.replace("manage.py retriage", "manage.py reevaluate")

    def handle(self, *args, **opts):
        self.stderr.write("`reevaluate` is deprecated and will be removed: use `retriage`.")
        return super().handle(*args, **opts)
