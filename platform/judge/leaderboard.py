"""Rankings: who solved a problem and how fast, by speedup over the reference (milliseconds drift between
gradings; the speedup is measured against the reference in the same run, so it does not).

Debugging problems are about finding the bug, not speed: their board lists who fixed them, first fix first.
Submissions made after their author gave up and saw the solution count as practice, never on a board.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from judge.models import Problem, Submission
from practice.models import GiveUp


def ranked_submissions(problem: Problem) -> QuerySet[Submission]:
    """Accepted full submissions that may be ranked: not after a give-up, timing not flagged implausible."""
    gave_up_before = GiveUp.objects.filter(user=OuterRef("user"), problem=OuterRef("problem"),
                                           created_at__lt=OuterRef("created_at"))
    return (Submission.objects.filter(problem=problem, verdict=Submission.Verdict.AC, mode=Submission.Mode.SUBMIT)
            .exclude(Exists(gave_up_before)).select_related("user"))


def leaderboard_entries(problem: Problem) -> dict[str, list[dict[str, Any]]]:
    """Each user's best Accepted submission per hardware class, ranked, with the share of users at or below."""
    submissions = ranked_submissions(problem)
    if problem.kind == Problem.Kind.DEBUGGING:
        submissions = submissions.order_by("created_at")
    else:
        submissions = submissions.filter(speedup__isnull=False, implausible_timing=False).order_by(
            "-speedup", "created_at")
    best: dict[tuple[str, int], Submission] = {}
    for submission in submissions:
        best.setdefault((submission.hardware or "unknown", submission.user_id), submission)
    boards: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (hardware, _), submission in best.items():
        boards[hardware].append({"submission": submission, "user": submission.user})
    for entries in boards.values():
        total = len(entries)
        for rank, entry in enumerate(entries, start=1):
            entry["rank"] = rank
            entry["percentile"] = round(100 * (total - rank + 1) / total)
    return dict(sorted(boards.items()))


def accepted_speedups(submission: Submission) -> dict[str, Any] | None:
    """How the speedups of Accepted submissions on this problem and hardware are spread: count, 10th,
    50th and 90th percentile (the latest 5000), so a user sees where "faster than 63%" puts them."""
    if submission.is_run or submission.speedup is None or submission.problem.kind == Problem.Kind.DEBUGGING:
        return None
    values = sorted(Submission.objects.filter(
        problem_id=submission.problem_id, verdict=Submission.Verdict.AC, mode=Submission.Mode.SUBMIT,
        hardware=submission.hardware, speedup__isnull=False).order_by("-created_at")
        .values_list("speedup", flat=True)[:5000])
    if len(values) < 2:
        return None

    def at(share: float) -> float:
        return round(values[min(len(values) - 1, int(share * len(values)))], 2)

    return {"count": len(values), "p10": at(0.1), "p50": at(0.5), "p90": at(0.9)}


def faster_than(submission: Submission) -> int | None:
    """The share (%) of other Accepted submissions on this problem and hardware with a lower speedup."""
    if submission.is_run or submission.verdict != Submission.Verdict.AC or submission.speedup is None \
            or submission.problem.kind == Problem.Kind.DEBUGGING:
        return None
    others = (Submission.objects.filter(problem_id=submission.problem_id, verdict=Submission.Verdict.AC,
                                        mode=Submission.Mode.SUBMIT, hardware=submission.hardware,
                                        speedup__isnull=False).exclude(pk=submission.pk))
    total = others.count()
    return round(100 * others.filter(speedup__lt=submission.speedup).count() / total) if total else None


def after_solution(submission: Submission) -> bool:
    """Whether the author had given up (and so seen the reference) before this submission."""
    return GiveUp.objects.filter(user_id=submission.user_id, problem_id=submission.problem_id,
                                 created_at__lt=submission.created_at).exists()
