"""On a GPU, the timer still measures the computation: CUDA-side cheats gain nothing.

These need a GPU: they run where `TJ_GPU` names one (a GPU worker host, or `scripts/gpu_check.sh` on a GPU
host without Docker, with `TJ_TEST_SANDBOX=process`), and are skipped elsewhere; CI has no GPU. Each cheat
returns the right output, so Accepted with a speedup above 1.1 would mean the cheat fooled the timer.
"""

from __future__ import annotations

import os
import textwrap

import pytest

from bench.timing_fidelity import sandbox_for, twice_the_work
from graders.config import engine_config
from graders.engine import grade
from tests.integration.sandbox import REFERENCE, softmax_package

pytestmark = pytest.mark.skipif(not os.environ.get("TJ_GPU"), reason="needs a GPU: set TJ_GPU on a GPU host")

CHEATS = {
    "patched-cuda-events": """
        torch.cuda.Event.elapsed_time = lambda self, end: 0.001
    """,
    "no-op-synchronize": """
        torch.cuda.synchronize = lambda *args, **kwargs: None
    """,
    "work-on-a-side-stream": """
        _exact = softmax
        _side = None
        def softmax(x, dim=-1):
            global _side
            _side = _side or torch.cuda.Stream()
            _side.wait_stream(torch.cuda.current_stream())
            with torch.cuda.stream(_side):
                out = _exact(x, dim)
            return out
    """,
}


def submit(code: str):
    return grade(softmax_package(), code, "submit", sandbox_for(os.environ.get("TJ_TEST_SANDBOX", "docker")),
                 engine_config())


@pytest.mark.parametrize("name", sorted(CHEATS))
def test_cuda_timing_cheats_gain_nothing(name):
    result = submit(REFERENCE + "\n" + textwrap.dedent(CHEATS[name]))
    if result.verdict == "AC":
        assert result.speedup <= 1.1, (name, result.timing)
    else:
        assert result.verdict in ("WA", "RE"), (name, result.verdict, result.message)


def test_twice_the_work_scores_one_half_on_the_gpu():
    result = submit(twice_the_work(softmax_package()))
    assert result.verdict == "AC", result.message
    assert 0.42 <= result.speedup <= 0.58, result.timing
