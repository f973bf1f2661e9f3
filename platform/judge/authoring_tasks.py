"""Celery tasks for the admin: validate a version, rejudge submissions. They run on a worker, never in the web.

Validation grades every solution of a version in one sandbox under several salts
(`graders.validation.validate_package`, as `validate_problems` does); a rejudge grades through the production
path (`graders.engine.grade`). Both write each result as soon as it is known, so the admin page shows them
arriving. Registered with the worker by judge/apps.py.

Priority: rejudges are sent with REJUDGE_PRIORITY on the usual cpu/gpu queue. With the Redis broker a
larger number is a *lower* priority and the worker always takes the highest-priority message waiting (with
the prefetch multiplier of 1), so users' own submissions, sent with no priority, are graded first.
"""

from __future__ import annotations

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from graders.cli import describe, validation_salts
from graders.config import engine_config
from graders.container import InfrastructureError
from graders.engine import grade
from graders.validation import SolutionResult, validate_package
from judge import grading
from judge.models import RejudgeItem, Submission, TestResult, ValidationRun
from judge.sandboxes import worker_sandbox

REJUDGE_PRIORITY = 9
VALIDATION_SALTS = 3  # hidden seeds under three salts, as CI validates the bank


@shared_task(acks_late=True, reject_on_worker_lost=True)
def validate_version(run_id: int) -> str:
    """Grade the reference and accepted variants (Accepted; the reference in the benchmark range) and each
    wrong solution (its verdict) in one sandbox, as `validate_problems` does, writing each check as it lands."""
    run = ValidationRun.objects.select_related("version__problem").get(pk=run_id)
    if run.status not in (ValidationRun.Status.QUEUED, ValidationRun.Status.RUNNING):
        return f"skipped: validation {run_id} is {run.status}"
    ValidationRun.objects.filter(pk=run_id).update(status=ValidationRun.Status.RUNNING)
    package = run.version.package()
    checks = {c.solution: c for c in run.checks.all()}
    config = engine_config()
    device = "cuda" if config.gpu is not None else "cpu"

    def record(name: str, result: SolutionResult) -> None:
        check = checks.get(name)
        if check is not None:
            row = describe(package, name, check.expected, result, device)
            check.got, check.detail = row.got, row.detail
            check.save(update_fields=["got", "detail"])

    solutions = [(name, package.files[name]) for name in checks]
    try:
        results = validate_package(package, solutions, validation_salts(package, VALIDATION_SALTS),
                                   worker_sandbox(), config, on_result=record)
    except InfrastructureError as exc:  # not the package's fault, but it is not validated either
        for check in checks.values():
            if not check.got:
                check.got, check.detail = "IE", str(exc)[:2000]
                check.save(update_fields=["got", "detail"])
    except Exception:  # a bug, not a verdict: the run must not look "running" forever
        ValidationRun.objects.filter(pk=run_id).update(status=ValidationRun.Status.FAILED, finished_at=timezone.now())
        raise
    else:
        for name, result in results.items():  # those the harness failed as a whole, never reported one by one
            if not checks[name].got:
                record(name, result)
    passed = all(c.ok for c in checks.values())
    status = ValidationRun.Status.PASSED if passed else ValidationRun.Status.FAILED
    ValidationRun.objects.filter(pk=run_id).update(status=status, finished_at=timezone.now())
    return f"validation {run_id}: {status}"


def requeue(submission: Submission) -> bool:
    """Put a finished or failed submission back in the queue, with its old results gone, to grade it again."""
    with transaction.atomic():
        moved = submission.transition(
            submission.status, Submission.Status.QUEUED, verdict="", message="", score=None, correctness=None,
            speed_score=None, speedup=None, user_ms=None, ref_ms=None, peak_bytes=None, implausible_timing=False,
            timing=None, attempts=0, lease_expires=None, started_at=None, finished_at=None)
        if moved:
            TestResult.objects.filter(submission=submission).delete()
    return moved


@shared_task(acks_late=True, reject_on_worker_lost=True)
def rejudge_item(item_id: int) -> str:
    """Grade one submission of a rejudge and record its new verdict.

    Against its own version (kinds ONE and FAILED) the submission itself is graded again, through the same
    path as a new submission. Against the live version (ACCEPTED) only the report changes: a user's
    submission keeps the verdict and the version it was graded against."""
    item = RejudgeItem.objects.select_related("rejudge__version", "submission").get(pk=item_id)
    if item.new_verdict:
        return f"skipped: rejudge item {item_id} is done"
    submission, target = item.submission, item.rejudge.version
    if target is None:
        if not submission.is_done or not requeue(submission):
            return f"skipped: submission {submission.pk} is {submission.status}"
        try:
            outcome = grading.grade_submission(submission.pk)
        except InfrastructureError as exc:  # back in the queue: the sweeper retries it at normal priority
            item.new_verdict, item.detail = "IE", f"internal error, queued again: {exc}"[:2000]
        else:
            submission.refresh_from_db()
            item.new_verdict, item.detail = submission.verdict or "IE", outcome
    else:
        try:
            result = grade(target.package(), submission.code, submission.mode, worker_sandbox(), engine_config())
            item.new_verdict, item.detail = result.verdict, result.message[:2000]
        except InfrastructureError as exc:
            item.new_verdict, item.detail = "IE", str(exc)[:2000]
    item.save(update_fields=["new_verdict", "detail"])
    return f"rejudge item {item_id}: {item.old_verdict} -> {item.new_verdict}"
