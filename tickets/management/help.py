"""`--help` that keeps an example's line breaks, for commands operators copy from."""

import argparse

from django.core.management.base import BaseCommand, DjangoHelpFormatter


class ExampleHelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Django's order of options, with the description and epilog printed as written."""


class CommandWithExamples(BaseCommand):
    """A command whose `--help` ends with `examples` (text, printed as written)."""

    examples = ""

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", ExampleHelpFormatter)
        if self.examples:
            kwargs.setdefault("epilog", "examples:\n" + self.examples.strip("\n"))
        return super().create_parser(prog_name, subcommand, **kwargs)
