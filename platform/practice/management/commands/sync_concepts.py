from django.core.management.base import BaseCommand, CommandError

from graders.cli import PROBLEMS
from practice.sync import sync_concepts


class Command(BaseCommand):
    help = "Import problems/concepts/*.yaml into the database (idempotent; all files or none)."

    def handle(self, *args, **options):
        report = sync_concepts(PROBLEMS / "concepts")
        for line in report.lines():
            self.stdout.write(line)
        if report.errors:
            raise CommandError(f"{len(report.errors)} concept file error(s); nothing was changed")
