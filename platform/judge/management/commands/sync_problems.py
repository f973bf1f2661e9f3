from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from graders.cli import PROBLEMS
from judge.sync import sync_problems


class Command(BaseCommand):
    help = "Import problems/ into the database (idempotent; a changed problem gets a new version)."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="only these problems (default: all)")

    def handle(self, *args, slugs, **options):
        report = sync_problems(PROBLEMS, slugs or None)
        for line in report.lines():
            self.stdout.write(line)
        call_command("sync_concepts", stdout=self.stdout)
        if report.errors:
            raise CommandError(f"{len(report.errors)} problem package error(s); live versions were left alone")
