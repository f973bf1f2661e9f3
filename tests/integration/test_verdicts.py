"""Every verdict, produced by a real submission in a real container."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from graders.container import DockerSandbox, InfrastructureError
from graders.engine import EngineConfig, grade
from tests.integration.sandbox import REFERENCE, leftover_containers, run, softmax_package

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def no_leftovers():
    yield
    assert leftover_containers() == []


def test_accepted_with_timing():
    result = run(REFERENCE, mode="submit")
    assert result.verdict == "AC", result.message
    assert {t["kind"] for t in result.tests} == {"sample", "hidden"}
    case = result.timing["cases"][0]
    assert case["user_ms"] > 0 and case["ref_ms"] > 0 and case["runs"] >= 1
    assert result.score.correctness == 100.0 and result.score.speed is not None
    assert result.timing["user_peak_bytes"] > 0


def test_a_single_timed_run_still_gives_a_verdict():
    result = run(REFERENCE, mode="submit", timing={"warmup": 1, "budget_s": 0.001})
    assert result.verdict == "AC", result.message
    case = result.timing["cases"][0]
    assert case["runs"] == 1 and case["user_rse"] is None


def test_wrong_answer_says_how_it_differs_without_leaking_hidden_values():
    naive = "import torch\ndef softmax(x, dim=-1):\n    e = x.exp()\n    return e / e.sum(dim, keepdim=True)\n"
    result = run(naive, mode="submit")
    assert result.verdict == "WA"
    bad = [t for t in result.tests if t["verdict"] == "WA"]
    assert {t["name"] for t in bad} >= {"huge-logits", "very-negative"}
    assert all(t["kind"] == "hidden" for t in bad)
    assert "NaN/Inf positions differ" in bad[0]["message"]
    assert "expected" not in bad[0]["message"] and "details" not in bad[0]
    assert result.score.correctness < 100


def test_wrong_answer_on_a_sample_shows_input_expected_and_actual():
    result = run("import torch\ndef softmax(x, dim=-1):\n    return x\n")
    assert result.verdict == "WA"
    sample = result.tests[0]
    assert sample["kind"] == "sample" and "max abs error" in sample["message"]
    assert set(sample["details"]) == {"input", "expected", "actual"}
    assert "tensor" in sample["details"]["expected"]


def test_time_limit_busy_loop_is_cpu_time():
    result = run("def softmax(x, dim=-1):\n    while True:\n        pass\n", cpu_s=1, wall_s=60)
    assert result.verdict == "TLE"
    assert "CPU time limit exceeded" in result.tests[0]["message"]


def test_time_limit_sleep_is_wall_time():
    result = run("import time\ndef softmax(x, dim=-1):\n    time.sleep(60)\n", cpu_s=5, wall_s=1)
    assert result.verdict == "TLE"
    assert "wall time limit exceeded" in result.tests[0]["message"]


def test_waiting_for_a_cpu_is_not_held_against_the_wall_limit():
    # The solution needs 0.4 s of CPU but shares its core with a busy process outside the sandbox, so it
    # takes about 0.8 s of wall time, half of it waiting for the CPU. The 0.5 s wall limit does not count
    # that wait.
    core = min(os.sched_getaffinity(0))
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        os.sched_setaffinity(busy.pid, {core})
        result = run(REFERENCE + (
            "import os, time\n"
            "_exact = softmax\n"
            "def softmax(x, dim=-1):\n"
            f"    os.sched_setaffinity(0, {{{core}}})\n"
            "    end = time.process_time() + 0.4\n"
            "    while time.process_time() < end:\n"
            "        pass\n"
            "    return _exact(x, dim)\n"
        ), cpu_s=5, wall_s=0.5)
    finally:
        busy.kill()
        busy.wait()
    assert result.verdict == "AC", (result.message, result.tests)


def test_a_runner_starved_by_its_own_processes_is_not_excused():
    # The same, but the busy process is the submission's own fork: that wait is its own doing.
    starved = REFERENCE + (
        "import os, time\n"
        "_exact = softmax\n"
        "def softmax(x, dim=-1):\n"
        "    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})\n"
        "    rival = os.fork()\n"
        "    if rival == 0:\n"
        "        while True:\n"
        "            pass\n"
        "    try:\n"
        "        end = time.process_time() + 0.4\n"
        "        while time.process_time() < end:\n"
        "            pass\n"
        "    finally:\n"
        "        os.kill(rival, 9)\n"
        "        os.waitpid(rival, 0)\n"
        "    return _exact(x, dim)\n"
    )
    result = run(starved, cpu_s=5, wall_s=0.5)
    assert result.verdict == "TLE", (result.message, result.tests)
    assert "wall time limit exceeded" in result.tests[0]["message"], result.tests[0]


def test_memory_limit_is_an_oom_kill_not_a_runtime_error():
    hog = ("import torch\nkeep = []\ndef softmax(x, dim=-1):\n"
           "    while True:\n        keep.append(torch.ones(32 * 1024 * 1024))\n")
    result = run(hog, memory_mb=1536)
    assert result.verdict == "MLE", (result.message, result.tests)


def test_output_limit_exceeded_for_a_print_flood():
    result = run("def softmax(x, dim=-1):\n    while True:\n        print('x' * 4096)\n")
    assert result.verdict == "OLE"


def test_runtime_error_has_the_exception_type_and_a_traceback_on_samples():
    result = run("def softmax(x, dim=-1):\n    raise ValueError('boom')\n")
    assert result.verdict == "RE"
    message = result.tests[0]["message"]
    assert message.startswith("ValueError: boom") and "Traceback" in message


def test_runtime_error_on_hidden_tests_has_no_traceback():
    code = ("import torch\ndef softmax(x, dim=-1):\n    if x.shape[0] == 1 and x.shape[-1] == 1:\n"
            "        raise KeyError('hidden')\n"
            "    z = x - x.amax(dim, keepdim=True)\n    e = z.exp()\n    return e / e.sum(dim, keepdim=True)\n")
    result = run(code, mode="submit")
    hidden = next(t for t in result.tests if t["name"] == "batch-1")
    assert result.verdict == "RE" and hidden["verdict"] == "RE"
    assert hidden["message"].startswith("KeyError") and "Traceback" not in hidden["message"]


@pytest.mark.parametrize("code", [
    "def softmax(x, dim=-1)\n    return x\n",
    "import not_a_real_module\ndef softmax(x, dim=-1):\n    return x\n",
    "def log_softmax(x, dim=-1):\n    return x\n",
])
def test_compilation_error_for_syntax_import_and_missing_entry(code):
    result = run(code)
    assert result.verdict == "CE"
    assert result.tests == []


def test_internal_error_for_an_infrastructure_fault():
    config = EngineConfig(image="torchjudge-sandbox:does-not-exist", salt="s")
    with pytest.raises(InfrastructureError, match="missing"):
        grade(softmax_package(), REFERENCE, "run", DockerSandbox(), config)


def test_what_a_solution_prints_is_shown_for_each_sample_test():
    chatty = REFERENCE + "\n\nimport sys\n_softmax = softmax\n\n\ndef softmax(x, dim=-1):\n" \
        "    print(f'shape {tuple(x.shape)}')\n    print('to stderr', file=sys.stderr)\n    return _softmax(x, dim)\n"
    result = run(chatty, mode="run")
    assert result.verdict == "AC", result.message
    for test in result.tests:
        assert f"shape {(1, 5) if test['name'] == 'row' else (3, 4)}" in test["printed"], test
        assert "to stderr" in test["printed"]
