"""The scoring formula, written down once.

Correctness gates acceptance: a submission is Accepted only when every test is. The correctness score is the
weighted share of tests passed. Speed adds a capped score from the speedup over the reference, measured in
the same sandbox run, on a log scale: matching the reference earns half of it, being SPEEDUP_CAP times
faster earns all of it, SPEEDUP_CAP times slower earns none. A speedup flagged as physically implausible
earns none until someone looks at it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SPEEDUP_CAP = 4.0
IMPLAUSIBLE_SPEEDUP = 25.0
CORRECTNESS_WEIGHT = 0.8


def speedup(cases: list[dict]) -> float:
    """Geometric mean over benchmark cases of each case's speedup (reference median / submission median)."""
    ratios = [c["ref_ms"] / c["user_ms"] for c in cases if c["user_ms"] > 0]
    if not ratios:
        return 0.0
    return math.exp(sum(math.log(r) for r in ratios) / len(ratios))


@dataclass(frozen=True)
class Score:
    correctness: float  # 0..100, weighted share of tests passed
    speed: float | None  # 0..100, only for an Accepted submission with valid timing
    total: float  # 0..100
    implausible: bool


def score(tests: list[dict], verdict: str, speedup_value: float | None) -> Score:
    """The one scoring formula: see the module docstring."""
    weights = sum(t.get("weight", 1) for t in tests)
    passed = sum(t.get("weight", 1) for t in tests if t.get("verdict") == "AC")
    correctness = round(100.0 * passed / weights, 2) if weights else 0.0
    implausible = speedup_value is not None and speedup_value > IMPLAUSIBLE_SPEEDUP
    speed = None
    if verdict == "AC" and speedup_value is not None and speedup_value > 0:
        ratio = 50.0 * (1 + math.log(speedup_value) / math.log(SPEEDUP_CAP))
        speed = 0.0 if implausible else round(min(100.0, max(0.0, ratio)), 2)
    total = CORRECTNESS_WEIGHT * correctness + (1 - CORRECTNESS_WEIGHT) * (speed or 0.0)
    return Score(correctness, speed, round(total, 2), implausible)
