"""Celery tasks. A task carries only a submission id: the database holds everything else."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.signals import worker_process_init, worker_ready
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from graders.container import ENGINE_ERRORS, DockerSandbox, InfrastructureError
from judge import grading, health, leases
from judge.models import Submission

log = logging.getLogger(__name__)


def queue_for(submission: Submission) -> str:
    """GPU problems go to the GPU queue, so a CPU worker never fails them."""
    return "gpu" if submission.problem.gpu else "cpu"


def enqueue(submission: Submission) -> None:
    """Send the grading task once the submission row is committed."""
    transaction.on_commit(
        lambda: grade_submission.apply_async(args=[submission.pk], queue=queue_for(submission))
    )


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=len(settings.TJ_RETRY_DELAYS))
def grade_submission(self, submission_id: int) -> str:
    try:
        return grading.grade_submission(submission_id)
    except InfrastructureError as exc:
        if self.request.retries >= self.max_retries:
            grading.give_up(submission_id, str(exc))
            return f"failed: submission {submission_id}: {exc}"
        delay = settings.TJ_RETRY_DELAYS[self.request.retries]
        raise self.retry(exc=exc, countdown=delay) from exc
    except (OperationalError, InterfaceError) as exc:
        # The database was away for longer than the worker waits. Try again once a claim taken before the
        # fault has lost its lease; should the retries run out, the sweeper re-sends the submission.
        raise self.retry(exc=exc, countdown=settings.TJ_LEASE_S) from exc


@shared_task
def sweep_lost_submissions() -> int:
    """Re-send work a restarted Redis or a dead worker lost. Duplicates are harmless: a claim succeeds once.

    A dead worker's heartbeat stops renewing its lease, so its work is re-sent within a lease and a sweep.
    Work lost TJ_MAX_ATTEMPTS times fails as an Internal Error rather than take down worker after worker."""
    now = timezone.now()
    stale_queued = Submission.objects.filter(
        status=Submission.Status.QUEUED, created_at__lt=now - timezone.timedelta(seconds=settings.TJ_SWEEP_AFTER_S)
    )
    expired = Submission.objects.filter(status=Submission.Status.RUNNING, lease_expires__lt=now)
    for submission in expired.filter(attempts__gte=settings.TJ_MAX_ATTEMPTS):
        grading.give_up(submission.pk, f"its grading was lost {submission.attempts} times")
    count = 0
    for submission in (stale_queued | expired).select_related("problem")[:200]:
        grade_submission.apply_async(args=[submission.pk], queue=queue_for(submission))
        count += 1
    if count:
        log.info("re-sent %s lost submission(s)", count)
    health.record_sweep(count)
    return count


def reap_orphan_containers() -> int:
    """Remove sandbox containers left by a worker that died (called when a worker starts)."""
    return DockerSandbox().reap_orphans()


@worker_ready.connect
def on_worker_ready(**_: object) -> None:
    """A starting worker cleans up after a dead one: orphaned containers, then lost submissions."""
    try:
        log.info("reaped %s orphaned sandbox container(s)", reap_orphan_containers())
    except (InfrastructureError, *ENGINE_ERRORS) as exc:  # the engine is away: the next worker to start reaps
        log.warning("could not reap orphaned sandbox containers: %s", exc)
    sweep_lost_submissions.delay()


@worker_process_init.connect
def on_worker_process_init(**_: object) -> None:
    """Each grading process beats from the start, so an idle worker shows as alive too."""
    leases.ensure_beating()
