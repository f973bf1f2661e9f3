"""`forbid:` through the real sandbox: every problem whose statement says "do not use X" refuses a solution
that uses X, as a Compilation Error naming X and the line; the runtime guards catch what the scan cannot see."""

from __future__ import annotations

import pytest

from graders.config import engine_config
from graders.container import DockerSandbox
from graders.engine import grade
from graders.package import load_folder, problem_folders
from graders.sandbox import forbid
from tests.integration.sandbox import SOFTMAX, leftover_containers

pytestmark = pytest.mark.integration

FORBIDDING = [p for p in map(load_folder, problem_folders(SOFTMAX.parent)) if p.forbid]


@pytest.fixture(autouse=True)
def no_leftovers():
    yield
    assert leftover_containers() == []


@pytest.mark.parametrize("package", FORBIDDING, ids=lambda p: p.slug)
def test_a_solution_using_the_forbidden_api_is_a_compilation_error(package):
    """The harness's scan names the API and its line, before any runner loads the code. Every problem's
    `wrong/forbidden_api.py` goes through the real sandbox in `validate_problems` (in `.ci/run`), which
    checks its verdict; here the scan's message is checked for each, and one goes through a sandbox whole."""
    wrong = next(w for w in package.wrong if w.verdict == "CE" and w.file == "wrong/forbidden_api.py")
    message = forbid.scan(package.files[wrong.file], package.forbid)
    assert message is not None and message.startswith("line ") and "is forbidden in this problem" in message
    if package is FORBIDDING[0]:
        result = grade(package, package.files[wrong.file], "submit", DockerSandbox(), engine_config())
        assert (result.verdict, result.message, result.tests) == ("CE", message, [])


RUNTIME = {
    # Each hides the forbidden name from the static scan; the guard installed in the runner catches it.
    "adam-step": ("import torch\n\n\ndef adam_steps(params, grads, lr, beta1, beta2, eps, weight_decay):\n"
                  "    opt = getattr(torch, 'opt' + 'im')\n    return opt.Adam(params)\n",
                  "line 6: `torch.optim`"),
    "multihead-attention": ("import torch\nfrom torch import nn\n\nBase = getattr(nn, 'Multihead' + 'Attention')\n\n\n"
                            "class MultiHeadSelfAttention(Base):\n    def __init__(self, embed_dim, num_heads):\n"
                            "        super().__init__(embed_dim, num_heads, batch_first=True)\n",
                            "line 9: `torch.nn.MultiheadAttention`"),
    "stable-softmax": ("def softmax(x, dim=-1):\n    name = 'soft' + 'max'\n    return getattr(x, name)(dim)\n",
                       "line 3: `torch.Tensor.softmax`"),
}


@pytest.mark.parametrize("slug", sorted(RUNTIME))
def test_a_name_built_at_run_time_is_caught_by_the_runtime_guard(slug):
    code, named = RUNTIME[slug]
    package = load_folder(SOFTMAX.parent / slug)
    result = grade(package, code, "run", DockerSandbox(), engine_config())
    assert result.verdict == "CE", result.message
    failing = [t for t in result.tests if t["verdict"] == "CE"] or [{"message": result.message}]
    assert named in failing[0]["message"], failing[0]
