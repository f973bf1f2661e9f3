import sys

from django.core.management.base import BaseCommand, CommandError

from graders.cli import validate


class Command(BaseCommand):
    help = ("Grade every problem's reference (must be Accepted) and known-wrong solutions (must get their "
            "declared verdicts) through the real sandbox, and print a table.")

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*")
        parser.add_argument("--jobs", type=int, default=2, help="gradings in parallel")
        parser.add_argument("--salts", type=int, default=1, help="validate under this many hidden-seed salts "
                            "(the first is this installation's own; CI uses 3)")
        parser.add_argument("--no-cache", action="store_true", help="ignore results cached by problem version")

    def handle(self, *args, slugs, jobs, salts, no_cache, **options):
        if salts < 1:
            raise CommandError("--salts must be at least 1")
        status = validate(slugs, jobs, not no_cache, self.stdout._out, salts=salts)
        self.stdout.flush()
        sys.exit(status)
