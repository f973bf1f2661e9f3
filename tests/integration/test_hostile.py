"""Hostile submissions: each leaves no harm, and the next submission is still graded correctly.

Each hostile solution returns the right answer only if its attack failed, so Accepted proves the attack did
nothing and any other verdict is the attack's own failure.
"""

from __future__ import annotations

import textwrap

import pytest

from tests.integration.sandbox import REFERENCE, leftover_containers, run

pytestmark = pytest.mark.integration

CORRECT = """
def correct(x, dim):
    z = x - x.amax(dim, keepdim=True)
    z = torch.where(torch.isfinite(z), z, torch.full_like(z, float("-inf")))
    e = z.exp()
    return e / e.sum(dim, keepdim=True)
"""


def solution(body: str) -> str:
    return "import os, sys, time, socket, signal, torch\n" + CORRECT + textwrap.dedent(body)


@pytest.fixture(autouse=True)
def next_submission_still_graded():
    yield
    assert leftover_containers() == []


def assert_healthy() -> None:
    result = run(REFERENCE)
    assert result.verdict == "AC", result.message
    assert leftover_containers() == []


def test_fork_bomb():
    result = run(solution("""
        def softmax(x, dim=-1):
            while True:
                try:
                    os.fork()
                except OSError:
                    pass
    """), wall_s=1, cpu_s=1)  # a starved runner gets up to 5x its wall limit: short limits keep this short
    assert result.verdict in ("TLE", "RE")
    assert_healthy()


def test_memory_bomb_is_memory_limit_exceeded():
    result = run(solution("""
        hog = []
        def softmax(x, dim=-1):
            while True:
                hog.append(bytearray(64 << 20))
    """), memory_mb=1536)
    assert result.verdict == "MLE"
    assert_healthy()


def test_disk_fill_hits_the_tmpfs_and_file_size_limits():
    result = run(solution("""
        def softmax(x, dim=-1):
            for target in ("/tmp/fill", "/fill", "/opt/judge/fill"):
                try:
                    with open(target, "wb") as f:
                        while True:
                            f.write(b"x" * (1 << 20))
                except OSError:
                    pass
            return correct(x, dim)
    """))
    assert result.verdict == "AC", result.tests
    assert_healthy()


def test_stdout_flood_is_output_limit_exceeded():
    result = run(solution("""
        def softmax(x, dim=-1):
            while True:
                sys.stdout.write("y" * 65536)
    """))
    assert result.verdict == "OLE", result.message
    assert_healthy()


def test_the_event_stream_cannot_be_opened_for_writing_or_reading():
    result = run(solution("""
        def reachable():
            for fd in (0, 1, 2):
                for mode in ("wb", "rb"):
                    try:
                        open(f"/proc/1/fd/{fd}", mode).close()
                        return f"/proc/1/fd/{fd} opened with {mode}"
                    except OSError:
                        pass
            return None
        def softmax(x, dim=-1):
            return x if reachable() else correct(x, dim)
    """))
    assert result.verdict == "AC", result.tests
    assert_healthy()


@pytest.mark.parametrize("address", [("1.1.1.1", 80), ("127.0.0.1", 6379), ("127.0.0.1", 5432), ("172.17.0.1", 6379)])
def test_no_network_to_the_outside_or_host_services(address):
    result = run(solution(f"""
        def softmax(x, dim=-1):
            try:
                socket.create_connection({address!r}, timeout=2).close()
            except OSError:
                return correct(x, dim)
            return x  # reached the network: a wrong answer
    """))
    assert result.verdict == "AC", result.tests


def test_cannot_read_the_reference_hidden_data_or_secrets():
    result = run(solution("""
        MARKER = "Shift by the max" + "imum so the largest"
        def leaked():
            for pid in os.listdir("/proc"):
                if not pid.isdigit() or int(pid) == os.getpid():
                    continue
                for name in ("environ", "cmdline", "mem", "fd/0", "maps"):
                    try:
                        with open(f"/proc/{pid}/{name}", "rb") as f:
                            if MARKER.encode() in f.read(1 << 22):
                                return True
                    except (OSError, ValueError):
                        pass
            for root, _, files in os.walk("/"):
                if root.startswith(("/proc", "/sys", "/dev")):
                    continue
                for file in files:
                    try:
                        with open(os.path.join(root, file), "rb") as f:
                            if MARKER.encode() in f.read(1 << 16):
                                return True
                    except OSError:
                        pass
            return False
        def softmax(x, dim=-1):
            return x if leaked() else correct(x, dim)
    """), wall_s=60, cpu_s=60)
    assert result.verdict == "AC", result.tests


def test_printing_a_forged_verdict_changes_nothing():
    forged = ('TJ1 ' + '0' * 64 + ' {"event": "final", "seq": 99, "verdict": "AC", "message": "", "tests": []}')
    result = run(solution(f"""
        def softmax(x, dim=-1):
            print({forged!r})
            return x
    """))
    assert result.verdict == "WA"


def test_patching_torch_and_the_timers_does_not_help():
    result = run(solution("""
        import time as _time
        _time.perf_counter = lambda: 0.0
        _time.perf_counter_ns = lambda: 0
        _time.monotonic = lambda: 0.0
        _time.monotonic_ns = lambda: 0
        torch.allclose = lambda *a, **k: True
        torch.testing.assert_close = lambda *a, **k: None
        def softmax(x, dim=-1):
            correct(x, dim)  # the work twice, with every clock it could reach stopped
            return correct(x, dim)
    """), mode="submit")
    assert result.verdict == "AC", result.message
    assert result.speedup < 0.8  # about 0.5: the harness's clock is not among them

    wrong = run(solution("""
        torch.allclose = lambda *a, **k: True
        def softmax(x, dim=-1):
            return torch.zeros_like(x)
    """))
    assert wrong.verdict == "WA"


def test_the_submission_holds_no_shared_memory_but_its_own():
    result = run(solution("""
        def memfds():
            mapped = [line for line in open("/proc/self/maps").read().splitlines() if "/memfd:" in line]
            held = []
            for fd in os.listdir("/proc/self/fd"):
                try:
                    held.append(os.readlink(f"/proc/self/fd/{fd}"))
                except OSError:
                    pass
            return mapped + [link for link in held if "/memfd:" in link]
        def softmax(x, dim=-1):
            found = memfds()
            own = found and all("/memfd:tj-submission" in entry for entry in found)
            return correct(x, dim) if own else x
    """))
    assert result.verdict == "AC", result.tests


def test_returning_cached_outputs_fails():
    result = run(solution("""
        cache = {}
        def softmax(x, dim=-1):
            key = (tuple(x.shape), dim)
            if key not in cache:
                cache[key] = correct(x, dim)
            return cache[key]
    """), mode="submit")
    assert result.verdict == "WA"


def test_modifying_inputs_in_place_cannot_corrupt_the_reference():
    result = run(solution("""
        def softmax(x, dim=-1):
            out = correct(x, dim)
            x.zero_()
            return out
    """), mode="submit")
    assert result.verdict == "AC", result.message


def test_the_harness_cannot_be_killed_and_killing_the_reference_is_runtime_error():
    result = run(solution("""
        def softmax(x, dim=-1):
            os.kill(os.getppid(), signal.SIGKILL)  # the harness is PID 1: the signal is ignored
            return correct(x, dim)
    """))
    assert result.verdict == "AC", result.tests

    result = run(solution("""
        def softmax(x, dim=-1):
            for pid in os.listdir("/proc"):
                if pid.isdigit() and int(pid) not in (1, os.getpid()):
                    try:
                        os.kill(int(pid), signal.SIGKILL)
                    except OSError:
                        pass
            return correct(x, dim)
    """))
    assert result.verdict == "RE"
    assert "killed" in result.message
    assert_healthy()


def test_os_exit_mid_run():
    result = run(solution("""
        def softmax(x, dim=-1):
            os._exit(0)
    """))
    assert result.verdict == "RE"
    assert "exited with code 0" in result.tests[0]["message"]
