import sys

from django.core.management.base import BaseCommand, CommandError

from graders.cli import add_device_arguments, validate


class Command(BaseCommand):
    help = ("Grade every problem's reference (must be Accepted) and known-wrong solutions (must get their "
            "declared verdicts) through the real sandbox, and print a table.")

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*")
        parser.add_argument("--jobs", type=int, default=2, help="gradings in parallel")
        parser.add_argument("--salts", type=int, default=1, help="validate under this many hidden-seed salts "
                            "(drawn from each package's version; CI uses 3)")
        parser.add_argument("--no-cache", action="store_true", help="ignore results cached by problem version")
        add_device_arguments(parser)

    def handle(self, *args, slugs, jobs, salts, no_cache, device, sandbox, **options):
        if salts < 1:
            raise CommandError("--salts must be at least 1")
        status = validate(slugs, jobs, not no_cache, self.stdout._out, salts=salts, device=device,
                          sandbox_kind=sandbox)
        self.stdout.flush()
        sys.exit(status)
