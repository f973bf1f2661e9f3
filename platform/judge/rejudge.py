"""Starting a rejudge from the admin: choose the submissions, record their verdicts, queue them at low priority.

The grading and the report's new verdicts happen on a worker (authoring_tasks.rejudge_item).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from judge.authoring_tasks import REJUDGE_PRIORITY, rejudge_item
from judge.models import Problem, Rejudge, RejudgeItem, Submission


def _start(rejudge: Rejudge, queryset: QuerySet[Submission]) -> Rejudge:
    submissions = list(queryset.select_related("problem"))
    items = RejudgeItem.objects.bulk_create(
        RejudgeItem(rejudge=rejudge, submission=s, old_verdict=s.verdict) for s in submissions)
    routes = {s.pk: "gpu" if s.problem.gpu else "cpu" for s in submissions}
    transaction.on_commit(lambda: [
        rejudge_item.apply_async(args=[item.pk], queue=routes[item.submission_id], priority=REJUDGE_PRIORITY)
        for item in items])
    return rejudge


@transaction.atomic
def rejudge_selected(submissions: QuerySet[Submission], user: Any) -> Rejudge:
    """Grade chosen finished submissions again (usually one), each against the version it was graded against."""
    rejudge = Rejudge.objects.create(kind=Rejudge.Kind.ONE, requested_by=user)
    return _start(rejudge, submissions.filter(status__in=[Submission.Status.FINISHED, Submission.Status.FAILED]))


@transaction.atomic
def rejudge_accepted(problem: Problem, user: Any) -> Rejudge:
    """Grade every Accepted full submission of `problem` against its live version; report what changed."""
    if problem.live_version is None:
        raise ValueError(f"{problem.slug} has no live version to rejudge against")
    rejudge = Rejudge.objects.create(kind=Rejudge.Kind.ACCEPTED, problem=problem, version=problem.live_version,
                                     requested_by=user)
    accepted = Submission.objects.filter(problem=problem, verdict=Submission.Verdict.AC,
                                         mode=Submission.Mode.SUBMIT)
    return _start(rejudge, accepted)


@transaction.atomic
def rejudge_failed(user: Any, problem: Problem | None = None) -> Rejudge:
    """Grade every submission that ended in an Internal Error again (of one problem, or of all)."""
    failed = Submission.objects.filter(verdict=Submission.Verdict.IE, status__in=[
        Submission.Status.FINISHED, Submission.Status.FAILED])
    if problem is not None:
        failed = failed.filter(problem=problem)
    rejudge = Rejudge.objects.create(kind=Rejudge.Kind.FAILED, problem=problem, requested_by=user)
    return _start(rejudge, failed)
