"""The worker's grading path: claim a submission, grade it in the sandbox, store what the harness reports.

Only the Celery task and `manage.py judge` come here; views never do. Results are written as they stream
in, so the submission page shows each test as soon as it finishes.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from graders import custom_input
from graders.config import engine_config
from graders.container import InfrastructureError
from graders.engine import GradeResult, grade
from graders.hardware import worker_hardware
from graders.sandbox.verdicts import worst
from judge import leases
from judge.models import Submission, TestResult
from judge.reconnect import with_database
from judge.sandboxes import worker_sandbox

log = logging.getLogger(__name__)
RESULT_FIELDS = ("name", "kind", "verdict", "message", "time_ms", "cpu_ms", "weight")
PROBLEM_ERROR = "problem error:"  # how the harness words a failing generator or reference (an IE)


def store_test(submission: Submission, result: dict[str, Any]) -> None:
    """Write one test's row; sample tests keep their data, hidden tests never do. The harness grades a
    custom-input case as a sample; its row says it is the custom one."""
    details = None
    if result.get("kind") == "sample":
        details = {k: result[k] for k in ("details", "printed") if k in result} or None
    fields = {k: result.get(k) for k in RESULT_FIELDS if result.get(k) is not None}
    if submission.custom_input is not None and result.get("name") == custom_input.NAME:
        fields["kind"] = TestResult.CUSTOM
    TestResult.objects.update_or_create(
        submission=submission, index=result["index"], defaults={**fields, "details": details})


def unusable_custom_input(submission: Submission, result: GradeResult) -> GradeResult:
    """A custom input the problem's generator or reference cannot handle (a shape that does not fit) stops
    the harness with a problem error. The samples before it were graded, so the problem itself is fine: say
    what went wrong with the input and keep the samples' verdict, rather than an Internal Error."""
    samples = len(submission.version.package().test_cases("sample"))
    if submission.custom_input is None or result.verdict != "IE" or len(result.tests) != samples \
            or not result.message.startswith(PROBLEM_ERROR):
        return result
    reason = result.message.removeprefix(PROBLEM_ERROR).strip()
    result.verdict = worst([t["verdict"] for t in result.tests])
    result.message = f"Your custom input could not be used: {reason}"
    return result


def store_timing_progress(submission: Submission, attempt: int, event: dict[str, Any]) -> None:
    """While a Submit is timed: how many pairs and how precise so far, for the page ("timing: 40 pairs,
    ±0.8%"). Best effort, like the test rows."""
    progress = {k: event.get(k) for k in ("case", "index", "cases", "pairs", "rse")}
    try:
        Submission.objects.filter(pk=submission.pk, status=Submission.Status.RUNNING, attempts=attempt).update(
            timing={"progress": progress})
    except DatabaseError as exc:
        log.warning("submission %s: timing progress not stored: %s", submission.pk, exc)
        connection.close()


def store_progress(submission: Submission, attempt: int, result: dict[str, Any]) -> None:
    """Show one finished test while the job runs, if this claim still holds the submission.

    Best effort: the final result stores every test again, so a database that is restarting costs only the
    live view, never the grading."""
    try:
        with transaction.atomic():
            held = Submission.objects.select_for_update().filter(
                pk=submission.pk, status=Submission.Status.RUNNING, attempts=attempt)
            if held.exists():
                store_test(submission, result)
    except DatabaseError as exc:
        log.warning("submission %s: live progress not stored: %s", submission.pk, exc)
        connection.close()


def store_result(submission: Submission, result: GradeResult, attempt: int | None = None,
                 hardware: str = "cpu") -> bool:
    """Record the final verdict and timing (with the hardware class it was timed on), and finish the
    submission; False when the claim was taken over."""
    timing = result.timing or {}
    cases = timing.get("cases") or []
    with transaction.atomic():
        finished = submission.transition(
            Submission.Status.RUNNING,
            Submission.Status.FINISHED,
            attempt=attempt,
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
        if finished:
            for test in result.tests:
                store_test(submission, test)
    return finished


def grade_submission(submission_id: int) -> str:
    """Grade one submission if it can be claimed. Returns what happened, for logs and tests.

    While it grades, this process's heartbeat keeps the claim's lease alive (judge.leases). Raises
    InfrastructureError after putting the submission back in the queue, so the caller can retry.
    """
    try:
        submission = Submission.objects.select_related("version", "problem").get(pk=submission_id)
    except Submission.DoesNotExist:  # deleted while its task waited in the queue: nothing to grade
        return f"skipped: submission {submission_id} no longer exists"
    package = submission.version.package()
    config = engine_config()
    if not submission.claim(settings.TJ_LEASE_S):
        return f"skipped: submission {submission_id} is {submission.status}"
    attempt = submission.attempts

    with leases.hold(submission_id, attempt) as lost:

        def on_event(event: dict[str, Any]) -> None:
            if lost():  # stop at once: the job's result would not count
                raise leases.LeaseLost(f"submission {submission_id} attempt {attempt} was taken over")
            if event["event"] == "test":
                store_progress(submission, attempt, event["result"])
            elif event["event"] == "timing":
                store_timing_progress(submission, attempt, event)

        try:
            hardware = worker_hardware(settings.TJ_HARDWARE, config.gpu)
            extra = () if submission.custom_input is None else (custom_input.case(package, submission.custom_input),)
            result = grade(package, submission.code, submission.mode, worker_sandbox(), config, on_event=on_event,
                           extra=extra)
            result = unusable_custom_input(submission, result)
        except leases.LeaseLost as exc:
            return f"abandoned: {exc}"
        except InfrastructureError as exc:
            log.warning("submission %s: infrastructure error (attempt %s): %s", submission_id, attempt, exc)
            message = f"internal error, retrying: {exc}"[:2000]
            with_database(lambda: submission.transition(Submission.Status.RUNNING, Submission.Status.QUEUED,
                                                        attempt=attempt, message=message, lease_expires=None))
            raise
        if not with_database(lambda: store_result(submission, result, attempt, hardware)):
            return f"abandoned: submission {submission_id} attempt {attempt} was taken over"
    return f"graded: submission {submission_id} {result.verdict}"


def give_up(submission_id: int, reason: str) -> None:
    """After the last retry: an Internal Error that is never blamed on the user."""

    def fail() -> None:
        submission = Submission.objects.get(pk=submission_id)
        for source in (Submission.Status.QUEUED, Submission.Status.RUNNING):
            if submission.transition(source, Submission.Status.FAILED, verdict=Submission.Verdict.IE,
                                     message=f"internal error: {reason}"[:2000], finished_at=timezone.now()):
                return

    with_database(fail)
