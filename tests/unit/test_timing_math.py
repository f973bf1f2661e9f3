"""The pure arithmetic of the timer: batch sizes, work deferred outside the calls, the stopping statistic."""

import math

from graders.sandbox.stats import MAX_BATCH, SPAN_TARGET_MS, batch_size, deferred_ms, pair_ratios, rse


def test_calls_of_the_span_target_or_more_are_timed_one_per_span():
    assert batch_size(SPAN_TARGET_MS, 1000) == 1
    assert batch_size(80.0, 1000) == 1


def test_shorter_calls_are_batched_to_about_the_span_target_within_the_caps():
    assert batch_size(SPAN_TARGET_MS / 10, 1000) == 10
    assert batch_size(SPAN_TARGET_MS / 2.5, 1000) == 3  # rounded up: a span never falls short of the target
    assert batch_size(0.001, 1000) == MAX_BATCH
    assert batch_size(0.1, 16 << 20) == 2  # two calls' 16 MiB of inputs and outputs fill the 32 MiB tensor cap
    assert batch_size(0.1, 1000, 2 << 20) == 2  # two 2 MiB value trees (a long list of floats) fill the JSON cap


def test_honest_code_moving_the_same_data_as_the_reference_defers_nothing():
    # Staging and fetching cost both sides 20 ms a call, give or take the machine's noise.
    assert deferred_ms([20.0, 19.0, 22.0], [21.0, 20.0, 20.5]) == 0.0


def test_work_done_outside_go_is_added_back_as_the_median_excess_over_the_reference():
    # The submission finishes 8 ms of work a call after its reply (a thread, a side stream): its spans spend
    # 28 ms outside `go` where the reference's spend 20. One slow moment (40) moves neither median.
    assert deferred_ms([28.0, 29.0, 27.0, 40.0, 28.0], [20.0, 21.0, 19.0, 20.0, 20.0]) == 8.0


def test_relative_standard_error():
    assert rse([1.0]) == math.inf
    assert rse([2.0, 2.0, 2.0]) == 0.0
    assert math.isclose(rse([1.0, 3.0]), 0.5)  # stdev sqrt(2), over sqrt(2) runs, over the mean 2


def test_a_slow_moment_that_slows_both_halves_of_a_pair_cancels_in_its_ratio():
    # The third pair ran while the machine was busy: both sides took 3x as long. Its ratio is still 2.
    ratios = pair_ratios([4.0, 4.0, 12.0], [2.0, 2.0, 6.0])
    assert ratios == [2.0, 2.0, 2.0]
    assert rse(ratios) == 0.0
