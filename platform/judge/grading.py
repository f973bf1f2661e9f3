"""The worker's grading path: claim a submission, grade it in the sandbox, store what the harness reports.

Only the Celery task and `manage.py judge` come here; views never do. Results are written as they stream
in, so the submission page shows each test as soon as it finishes.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from graders.config import engine_config
from graders.container import DockerSandbox, InfrastructureError
from graders.engine import GradeResult, grade, job_wall_seconds
from graders.hardware import worker_hardware
from judge.models import Submission, TestResult

log = logging.getLogger(__name__)
RESULT_FIELDS = ("name", "kind", "verdict", "message", "time_ms", "cpu_ms", "weight")


def store_test(submission: Submission, result: dict[str, Any]) -> None:
    """Write one test's row; sample tests keep their data, hidden tests never do."""
    details = None
    if result.get("kind") == "sample":
        details = {k: result[k] for k in ("details", "printed") if k in result} or None
    TestResult.objects.update_or_create(
        submission=submission,
        index=result["index"],
        defaults={**{k: result.get(k) for k in RESULT_FIELDS if result.get(k) is not None}, "details": details},
    )


def store_result(submission: Submission, result: GradeResult, hardware: str) -> None:
    """Record the final verdict and timing (with the hardware class it was timed on); finish the submission."""
    timing = result.timing or {}
    cases = timing.get("cases") or []
    with transaction.atomic():
        for test in result.tests:
            store_test(submission, test)
        submission.transition(
            Submission.Status.RUNNING,
            Submission.Status.FINISHED,
            verdict=result.verdict,
            message=result.message[:20000],
            score=result.score.total,
            correctness=result.score.correctness,
            speed_score=result.score.speed,
            speedup=result.speedup,
            user_ms=sum(c["user_ms"] for c in cases) if cases else None,
            ref_ms=sum(c["ref_ms"] for c in cases) if cases else None,
            peak_bytes=timing.get("user_peak_bytes"),
            implausible_timing=result.score.implausible,
            timing=result.timing,
            hardware=hardware,
            finished_at=timezone.now(),
        )


def grade_submission(submission_id: int) -> str:
    """Grade one submission if it can be claimed. Returns what happened, for logs and tests.

    Raises InfrastructureError after putting the submission back in the queue, so the caller can retry.
    """
    try:
        submission = Submission.objects.select_related("version", "problem").get(pk=submission_id)
    except Submission.DoesNotExist:  # deleted while its task waited in the queue: nothing to grade
        return f"skipped: submission {submission_id} no longer exists"
    package = submission.version.package()
    config = engine_config()
    lease = job_wall_seconds(package, len(package.tests), len(package.benchmarks(config.gpu is not None))) + 120
    if not submission.claim(lease):
        return f"skipped: submission {submission_id} is {submission.status}"

    def on_event(event: dict[str, Any]) -> None:
        if event["event"] == "test":
            store_test(submission, event["result"])

    try:
        hardware = worker_hardware(settings.TJ_HARDWARE, config.gpu)
        result = grade(package, submission.code, submission.mode, DockerSandbox(), config, on_event=on_event)
    except InfrastructureError as exc:
        log.warning("submission %s: infrastructure error (attempt %s): %s", submission_id, submission.attempts, exc)
        submission.transition(Submission.Status.RUNNING, Submission.Status.QUEUED,
                              message=f"internal error, retrying: {exc}"[:2000], lease_expires=None)
        raise
    store_result(submission, result, hardware)
    return f"graded: submission {submission_id} {result.verdict}"


def give_up(submission_id: int, reason: str) -> None:
    """After the last retry: an Internal Error that is never blamed on the user."""
    submission = Submission.objects.get(pk=submission_id)
    for source in (Submission.Status.QUEUED, Submission.Status.RUNNING):
        if submission.transition(source, Submission.Status.FAILED, verdict=Submission.Verdict.IE,
                                 message=f"internal error: {reason}"[:2000], finished_at=timezone.now()):
            return
