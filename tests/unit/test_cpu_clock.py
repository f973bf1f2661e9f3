"""The harness's CPU clock: reading a cgroup's usage (v1 and v2), and when the wall clock is kept instead."""

import time

import pytest

from graders.sandbox import cpu_clock


def test_reads_a_v1_and_a_v2_cgroup():
    assert cpu_clock.usage_ns("123456789\n") == 123_456_789
    v2 = "usage_usec 4500\nuser_usec 4000\nsystem_usec 500\nnr_periods 0\n"
    assert cpu_clock.usage_ns(v2) == 4_500_000


def test_an_unreadable_usage_is_an_error_not_a_zero():
    with pytest.raises(ValueError):
        cpu_clock.usage_ns("user_usec 4000\nsystem_usec 500\n")


def test_the_harness_own_time_is_left_out(tmp_path):
    usage = tmp_path / "cpuacct.usage"
    usage.write_text(f"{time.process_time_ns() + 5_000_000_000}\n")
    clock = cpu_clock.CgroupCpu(str(usage))
    # The file stands still while this process runs on: what is left is 5 s less what it used since.
    assert 4_000_000_000 < clock.others_ns() <= 5_000_000_000


def test_only_a_container_on_the_cpu_times_by_cpu(monkeypatch):
    monkeypatch.delenv(cpu_clock.ENV, raising=False)
    assert cpu_clock.for_job("cpu") is None  # the process sandbox: the host's cgroup holds everything
    monkeypatch.setenv(cpu_clock.ENV, "cgroup")
    assert cpu_clock.for_job("cuda") is None  # a CUDA job's work is the device's: the wall clock
