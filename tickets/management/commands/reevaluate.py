"""`reevaluate`: the old name of `retriage`, kept for one release for existing scripts."""

from tickets.management.commands.retriage import Command as RetriageCommand


class Command(RetriageCommand):
    help = "Deprecated name of `retriage`; " + RetriageCommand.help
