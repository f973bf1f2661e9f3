from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from judge import health
from judge.models import Submission


def sweeper_lines() -> list[str]:
    """When the lost-work sweeper last ran; STALE when its process (celery beat) is not running."""
    sweep = health.last_sweep()
    every = f"expected every {settings.TJ_SWEEP_EVERY_S} s"
    if sweep.age_s is None:
        return [f"sweeper: STALE: no sweep recorded ({every}): is `celery beat` running?"]
    state = "STALE" if sweep.stale else "ok"
    line = f"sweeper: {state}: last sweep {sweep.age_s:.0f} s ago, re-sent {sweep.resent} ({every})"
    return [line + (": is `celery beat` running?" if sweep.stale else "")]


def worker_lines() -> list[str]:
    """Grading processes whose heartbeat is current, and what each is grading."""
    beats = health.workers()
    lines = [f"workers: {len(beats)} alive (heartbeat every {health.beat_interval():.0f} s)"]
    for beat in beats:
        grading = ", ".join(f"#{pk}" for pk in beat.grading) or "idle"
        lines.append(f"  {beat.worker}: beat {beat.age_s:.0f} s ago, {grading}")
    return lines


def queue_lines() -> list[str]:
    running = Submission.objects.filter(status=Submission.Status.RUNNING)
    expired = running.filter(lease_expires__lt=timezone.now()).count()
    queued = Submission.objects.filter(status=Submission.Status.QUEUED).count()
    return [f"submissions: {queued} queued, {running.count()} running ({expired} with an expired lease)"]


class Command(BaseCommand):
    help = "Show what keeps grading alive: the lost-work sweeper, worker heartbeats and the queue."

    def handle(self, *args, **options):
        for line in sweeper_lines() + worker_lines() + queue_lines():
            self.stdout.write(line)
