import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from graders.cli import judge
from graders.container import InfrastructureError
from graders.package import PackageError


class Command(BaseCommand):
    help = "Grade a solution file through the production path (sandbox, harness, scoring). Exits 0 only on Accepted."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("solution", type=Path)
        parser.add_argument("--mode", choices=("run", "submit"), default="submit")
        parser.add_argument("--json", action="store_true", help="print the full result as JSON")

    def handle(self, *args, slug, solution, mode, json, **options):
        if not solution.is_file():
            raise CommandError(f"no such file: {solution}")
        try:
            status = judge(slug, solution, mode, json, self.stdout._out)
        except PackageError as exc:
            raise CommandError("\n".join(exc.errors)) from exc
        except InfrastructureError as exc:
            raise CommandError(f"internal error: {exc}") from exc
        self.stdout.flush()
        sys.exit(status)
