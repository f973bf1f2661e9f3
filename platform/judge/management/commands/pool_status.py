import collections

import docker
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from graders.container import ENGINE_ERRORS, InfrastructureError
from graders.pool import pooled_containers
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


def pool_lines() -> list[str]:
    """Warm sandboxes on this host's Docker engine, per worker process: waiting (running) or being removed."""
    try:
        rows = pooled_containers(docker.from_env(timeout=10))
    except (InfrastructureError, *ENGINE_ERRORS) as exc:
        return [f"warm pool: the Docker engine does not answer ({exc})"]
    by_worker: dict[str, list[dict]] = collections.defaultdict(list)
    for row in rows:
        by_worker[row["worker"]].append(row)
    lines = [f"warm pool: {sum(r['state'] == 'running' for r in rows)} sandboxes up on this host"]
    for worker, mine in sorted(by_worker.items()):
        states = collections.Counter(r["state"] for r in mine)
        ages = ", ".join(r["status"] for r in mine if r["state"] == "running")
        lines.append(f"  {worker}: " + ", ".join(f"{n} {state}" for state, n in sorted(states.items()))
                     + (f" ({ages})" if ages else ""))
    return lines


def queue_lines() -> list[str]:
    running = Submission.objects.filter(status=Submission.Status.RUNNING)
    expired = running.filter(lease_expires__lt=timezone.now()).count()
    queued = Submission.objects.filter(status=Submission.Status.QUEUED).count()
    return [f"submissions: {queued} queued, {running.count()} running ({expired} with an expired lease)"]


class Command(BaseCommand):
    help = "Show what keeps grading alive: the lost-work sweeper, worker heartbeats, warm pools and the queue."

    def handle(self, *args, **options):
        for line in sweeper_lines() + worker_lines() + pool_lines() + queue_lines():
            self.stdout.write(line)
