"""What the browser and the API may know about a submission: one function, so no page shows more than another.

Hidden tests carry a name, a verdict, a time and the kind of failure, never data: the harness already cut
values from their messages (`checker.without_values`); this cuts again, and keeps only the exception type of
a Runtime Error, whose message the submission wrote and could fill with the hidden input.
"""

from __future__ import annotations

import math
from typing import Any

from graders.scoring import CORRECTNESS_WEIGHT
from judge.leaderboard import accepted_speedups, after_solution, faster_than
from judge.models import Submission, TestResult

# graders.sandbox.checker.VALUES: that module imports torch, which the web processes do not have.
VALUES_MARKER = "; values: "


def hidden_message(result: TestResult) -> str:
    """The kind of failure of a hidden test, without its data."""
    message = result.message.split(VALUES_MARKER, 1)[0]
    if result.verdict == Submission.Verdict.RE:
        return message.split(":", 1)[0]
    return message


def result_payload(result: TestResult, arguments: dict[str, str] | None = None) -> dict[str, Any]:
    """One test as the owner may see it: a hidden test's details never leave the server. A sample's input is
    shown as the entry point receives it when the version's sample arguments are known."""
    sample = result.kind in ("sample", TestResult.CUSTOM)  # a custom input is the user's own: shown like a sample
    details = (result.details or {}) if sample else {}
    shown = details.get("details") or {}
    return {
        "index": result.index, "name": result.name, "kind": result.kind, "verdict": result.verdict,
        "message": result.message if sample else hidden_message(result), "time_ms": result.time_ms,
        "details": ({"input": (arguments or {}).get(result.name) or shown.get("input", ""),
                     "expected": shown.get("expected", ""),
                     "actual": shown.get("actual", ""), "printed": details.get("printed", "")}
                    if sample and details else None),
    }


def timing_progress(submission: Submission) -> str:
    """While a Submit is being timed: "timing: 40 pairs, ±0.8%" from the harness's signed progress events
    (the worker keeps the latest in `timing["progress"]` until the final timing replaces it)."""
    progress = (submission.timing or {}).get("progress") if not submission.is_done else None
    if not progress:
        return ""
    text = f"timing: {progress['pairs']} pairs"
    if progress.get("cases", 1) > 1:
        text += f" (case {progress['index'] + 1} of {progress['cases']})"
    if progress.get("rse") is not None:
        text += f", ±{100 * progress['rse']:.1f}%"
    return text


def timing_cases(submission: Submission) -> list[dict[str, Any]]:
    """The finished timing per benchmark case: medians, runs and their noise (relative standard error)."""
    if not submission.is_done or submission.is_run:
        return []
    def percent(rse: float | None) -> float | None:
        return None if rse is None else round(100 * rse, 2)

    cases = (submission.timing or {}).get("cases", [])
    sizes = {t.name: ", ".join(f"{k}={v}" for k, v in t.params.items())
             for t in submission.version.package().test_cases("benchmark")} if cases else {}
    return [{"name": case.get("name"), "size": sizes.get(case.get("name"), ""), "runs": case.get("runs"),
             "user_ms": case.get("user_ms"),
             "ref_ms": case.get("ref_ms"), "user_noise_pct": percent(case.get("user_rse")),
             "ref_noise_pct": percent(case.get("ref_rse"))} for case in cases]


def speedup_noise_pct(submission: Submission) -> float | None:
    """The speedup's relative standard error in %: per case the harness's own (`speedup_rse`, of its pair
    ratios) or, from an older harness, both medians' combined; over cases, that of their geometric mean."""
    cases = (submission.timing or {}).get("cases") or [] if submission.is_done else []
    errors = []
    for case in cases:
        if case.get("speedup_rse") is not None:
            errors.append(case["speedup_rse"])
        elif case.get("user_rse") is not None and case.get("ref_rse") is not None:
            errors.append(math.hypot(case["user_rse"], case["ref_rse"]))
        else:
            return None
    return round(100 * math.sqrt(sum(e * e for e in errors)) / len(errors), 1) if errors else None


def score_formula(submission: Submission) -> str:
    """The score with its parts, e.g. "87.5 = 0.8 × correctness 100 + 0.2 × speed 37.5"."""
    if submission.is_run or submission.score is None or submission.correctness is None:
        return ""
    speed = f"{submission.speed_score:g}" if submission.speed_score is not None else "0 (not timed)"
    return (f"{submission.score:g} = {CORRECTNESS_WEIGHT:g} × correctness {submission.correctness:g}"
            f" + {1 - CORRECTNESS_WEIGHT:g} × speed {speed}")


def submission_payload(submission: Submission) -> dict[str, Any]:
    """A Run is a check of the samples: it has a label and no score, so it never reads as a solve."""
    scored = not submission.is_run
    return {
        "id": submission.pk,
        "problem": submission.problem.slug,
        "mode": submission.mode,
        "status": submission.status,
        "done": submission.is_done,
        "verdict": submission.verdict,
        "verdict_name": submission.get_verdict_display() if submission.verdict else "",
        "label": submission.verdict_label(),
        "message": submission.message,
        "score": submission.score if scored else None,
        "correctness": submission.correctness if scored else None,
        "speed_score": submission.speed_score if scored else None,
        "score_formula": score_formula(submission),
        "speedup": submission.speedup,
        "speedup_noise_pct": speedup_noise_pct(submission),
        "user_ms": submission.user_ms,
        "ref_ms": submission.ref_ms,
        "hardware": submission.hardware,
        "progress": timing_progress(submission),
        "timing_cases": timing_cases(submission),
        "faster_than": faster_than(submission) if submission.is_done else None,
        "accepted_speedups": accepted_speedups(submission) if submission.is_done else None,
        "after_solution": after_solution(submission) if not submission.is_run else False,
        "custom_input": submission.custom_input,
        "created_at": submission.created_at.isoformat(),
        "results": [result_payload(r, submission.version.sample_arguments) for r in submission.results.all()],
    }
