"""The speed score measures the user's computation, through the production grading path (real sandbox).

A faithful timer gives the reference against itself a speedup of 1 and a solution that does the
reference's work twice a speedup of 0.5, on element-wise, reduction, matmul-heavy and module problems.
Cheats that hide work from the timer are paid for anyway: none scores above 1.1 while Accepted.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from bench.timing_fidelity import twice_the_work
from graders.config import engine_config
from graders.engine import GradeResult, grade
from graders.package import load_package, read_folder
from tests.integration.sandbox import REFERENCE, leftover_containers, pool, run

pytestmark = pytest.mark.integration
PROBLEMS = Path(__file__).resolve().parents[2] / "problems"


def submit(slug: str, code: str) -> GradeResult:
    """A Submit through the warm pool, as a worker grades it."""
    package = load_package(read_folder(PROBLEMS / slug), f"problems/{slug}")
    return grade(package, code, "submit", pool(), engine_config())


@pytest.fixture(autouse=True)
def nothing_left_running():
    yield
    assert leftover_containers() == []


# A faithful timer scores the reference 1 against itself and twice its work 0.5, held here to the issue's
# bounds (0.90-1.10 and 0.42-0.58). A score is one Submit's; when it is outside its bounds it gets a second
# look, the median of three Submits, and then a third, the median of seven (LOOKS), which must be inside.
# Timed by CPU time, single Submits through the warm pool on the 2-core VM ranged 0.89-1.10 (the
# references) and 0.46-0.66 (twice the work, stable-softmax and layer-norm), under one in eight outside, so
# most tests take one Submit and a test fails about one run in two hundred; a timer that misses the work
# (0.74 for twice the work, before) misses it in most Submits and fails. layer-norm's benchmark is a batch
# of 8 x 512 tokens, 36 ms a call: at 1 x 384 its float64 temporaries fitted the caches, so the second of
# two calls ran on warm data, twice the work scored 0.42-0.72, and a third of single Submits were outside
# (docs/benchmarks.md).
BOUNDS = dict.fromkeys(("stable-softmax", "layer-norm", "box-iou", "multihead-attention"),
                       ((0.90, 1.10), (0.42, 0.58)))
LOOKS = (1, 2, 4)  # Submits added at each look: the score is the median of 1, then 3, then 7


def median_speedup(slug: str, code: str, bounds: tuple[float, float]) -> tuple[float, list]:
    """The speedup of one Submit, or the median of three or seven when the last look was outside `bounds`."""
    results: list[GradeResult] = []
    for count in LOOKS:
        results += [submit(slug, code) for _ in range(count)]
        for result in results:
            assert result.verdict == "AC", result.message
        median = sorted(r.speedup for r in results)[len(results) // 2]
        if bounds[0] <= median <= bounds[1]:
            break
    return median, [(r.speedup, r.timing["cases"]) for r in results]


@pytest.mark.parametrize("slug", sorted(BOUNDS))
def test_the_reference_scores_one_and_twice_the_work_scores_one_half(slug):
    package = load_package(read_folder(PROBLEMS / slug), f"problems/{slug}")
    same_bounds, twice_bounds = BOUNDS[slug]
    same, detail = median_speedup(slug, package.reference, same_bounds)
    assert same_bounds[0] <= same <= same_bounds[1], detail
    double, detail = median_speedup(slug, twice_the_work(package), twice_bounds)
    assert twice_bounds[0] <= double <= twice_bounds[1], detail


def cheat(body: str) -> str:
    return REFERENCE + "\n" + textwrap.dedent(body)


CHEATS = {
    "finishes-in-a-background-thread": """
        import threading
        _exact = softmax
        def softmax(x, dim=-1):
            out = torch.empty_like(x)
            def work():
                out.copy_(_exact(x, dim))
            threading.Thread(target=work).start()
            return out
    """,
    "lazy-tensor-computes-on-first-read": """
        from torch.utils._pytree import tree_map
        _exact = softmax
        class Lazy(torch.Tensor):
            @staticmethod
            def __new__(cls, x, dim):
                lazy = torch.Tensor._make_wrapper_subclass(cls, x.shape, dtype=x.dtype, device=x.device)
                lazy.args = (x, dim)
                return lazy
            @classmethod
            def __torch_dispatch__(cls, func, types, args=(), kwargs=None):
                real = lambda t: _exact(*t.args) if isinstance(t, Lazy) else t
                return func(*tree_map(real, args), **tree_map(real, kwargs or {}))
        def softmax(x, dim=-1):
            return Lazy(x, dim)
    """,
    "patched-clocks": """
        import time
        _exact = softmax
        for name in ("perf_counter", "monotonic", "time", "process_time"):
            setattr(time, name, lambda: 0.0)
        for name in ("perf_counter_ns", "monotonic_ns", "time_ns", "process_time_ns"):
            setattr(time, name, lambda: 0)
        def softmax(x, dim=-1):
            return _exact(x, dim)
    """,
    "output-cache-keyed-by-content": """
        import hashlib
        _exact = softmax
        _cache = {}
        def softmax(x, dim=-1):
            key = (hashlib.sha1(x.detach().contiguous().numpy().tobytes()).hexdigest(), dim)
            if key not in _cache:
                _cache[key] = _exact(x, dim)
            return _cache[key].clone()
    """,
    "works-in-a-child-process": """
        import mmap, os
        _exact = softmax
        def softmax(x, dim=-1):
            shared = mmap.mmap(-1, x.numel() * x.element_size())  # seen by both sides of the fork
            out = torch.frombuffer(shared, dtype=x.dtype).view(x.shape)
            pid = os.fork()
            if pid == 0:
                out.copy_(_exact(x, dim))
                os._exit(0)
            os.waitpid(pid, 0)
            return out
    """,
    "precomputes-while-inputs-are-staged": """
        import graders.sandbox.codec as _codec
        _exact = softmax
        _decode = _codec.decode
        _ready = {}
        def decode(*args, **kwargs):
            value = _decode(*args, **kwargs)
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, dict) and isinstance(item.get("x"), torch.Tensor):
                        _ready[id(item["x"])] = _exact(item["x"], item.get("dim", -1))
            return value
        _codec.decode = decode
        def softmax(x, dim=-1):
            return _ready.pop(id(x), None) if id(x) in _ready else _exact(x, dim)
    """,
}


# The cheats are graded on stable-softmax as the median of three Submits, then of seven (CHEAT_LOOKS): a cheat
# must not gain even on a lucky Submit.
# Measured on the 2-core VM (docs/benchmarks.md): the background thread is Wrong Answer, the lazy tensor
# (computed in full inside `go`) scores about 0.9, the output cache about 0.35, patched clocks (the
# reference's own work) about 1.0, and the child process that does the work pays for it and for its fork.
# Precomputing while the inputs are staged (a patched decoder in the runner) pays for its work, but computes
# while the input is still hot in cache from its arrival: a known weakness (docs/grading.md), not one of the
# issue's cheats. Its bound checks that the work is paid for at all: free, it would score far above 25.
CHEAT_BOUND = 1.1
CHEAT_LOOKS = (3, 4)
BOUNDS_BY_CHEAT = {"precomputes-while-inputs-are-staged": 2.0}


@pytest.mark.parametrize("name", sorted(CHEATS))
def test_timing_cheats_gain_nothing(name):
    """The median Accepted speedup of three Submits is within the cheat's bound; above it, four more get a
    second look (a cheat that gains, gains in all seven)."""
    bound = BOUNDS_BY_CHEAT.get(name, CHEAT_BOUND)
    results: list[GradeResult] = []
    for count in CHEAT_LOOKS:
        results += [run(cheat(CHEATS[name]), mode="submit") for _ in range(count)]
        assert {r.verdict for r in results} <= {"AC", "WA", "RE"}, (name, [(r.verdict, r.message) for r in results])
        speedups = sorted(r.speedup for r in results if r.verdict == "AC")
        if not speedups or speedups[len(speedups) // 2] <= bound:  # caught (WA or RE) every time, or paid for
            return
    assert speedups[len(speedups) // 2] <= bound, (name, speedups, [r.timing for r in results])


def misbehaves_once_timed(action: str) -> str:
    """The reference until the correctness tests are over, then `action` on every call (the timed ones)."""
    return cheat(f"""
        import os
        _exact = softmax
        _calls = [0]
        def softmax(x, dim=-1):
            _calls[0] += 1
            if _calls[0] > 12:  # stable-softmax has 10 correctness tests
                {action}
            return _exact(x, dim)
    """)


def test_a_submission_that_hangs_while_timed_is_time_limit_exceeded_and_leaves_nothing():
    result = run(misbehaves_once_timed("while True: pass"), mode="submit", wall_s=2, cpu_s=2)
    assert result.verdict == "TLE", result.message
    assert "while timed" in result.message


def test_a_submission_that_floods_output_while_timed_is_output_limit_exceeded():
    result = run(misbehaves_once_timed('while True: print("y" * 65536)'), mode="submit")
    assert result.verdict == "OLE", result.message


def test_a_submission_that_dies_while_timed_is_runtime_error():
    result = run(misbehaves_once_timed("os._exit(3)"), mode="submit")
    assert result.verdict == "RE", result.message
