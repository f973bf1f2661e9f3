"""The scoring formula (pure logic)."""

import pytest

from graders.sandbox.verdicts import worst
from graders.scoring import IMPLAUSIBLE_SPEEDUP, score, speedup

TESTS = [{"verdict": "AC", "weight": 1}, {"verdict": "AC", "weight": 2}, {"verdict": "WA", "weight": 1}]


def test_worst_verdict_wins():
    assert worst(["AC", "WA", "TLE", "AC"]) == "TLE"
    assert worst(["AC", "RE", "MLE"]) == "RE"
    assert worst([]) == "AC"


def test_correctness_is_the_weighted_share_passed_and_gates_speed():
    result = score(TESTS, "WA", 2.0)
    assert result.correctness == 75.0
    assert result.speed is None
    assert result.total == 60.0


@pytest.mark.parametrize(("ratio", "expected"), [(1.0, 50.0), (4.0, 100.0), (0.25, 0.0), (2.0, 75.0), (16.0, 100.0)])
def test_speed_is_log_scaled_and_capped(ratio, expected):
    result = score([{"verdict": "AC"}], "AC", ratio)
    assert result.speed == pytest.approx(expected)
    assert result.total == pytest.approx(80 + 0.2 * expected)


def test_implausible_speedups_earn_no_speed_score():
    result = score([{"verdict": "AC"}], "AC", IMPLAUSIBLE_SPEEDUP * 2)
    assert result.implausible and result.speed == 0.0


def test_speedup_is_the_geometric_mean_over_cases():
    cases = [{"ref_ms": 4.0, "user_ms": 1.0}, {"ref_ms": 1.0, "user_ms": 1.0}]
    assert speedup(cases) == pytest.approx(2.0)
