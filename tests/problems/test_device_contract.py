"""The bank keeps the device contract of docs/problem-format.md: code that runs on the job's device creates
its tensors there.

The commonest reason a problem breaks on a GPU worker is a factory call (`torch.zeros`, `torch.arange`,
`torch.tensor`, a mask built with `torch.ones`) without `device=`: it lands on the CPU and meets a CUDA
tensor. This check reads every reference, every wrong solution and every driver (`run` in tests.py) and
lists those calls. It needs no GPU and no torch: the whole-bank GPU check is `scripts/gpu_check.sh`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

PROBLEMS = Path(__file__).resolve().parents[2] / "problems"
# torch.* functions that create a tensor from nothing: without `device=` it is a CPU tensor.
FACTORIES = {
    "zeros", "ones", "empty", "full", "arange", "linspace", "logspace", "eye", "tensor", "as_tensor",
    "scalar_tensor", "rand", "randn", "randint", "randperm", "hann_window", "hamming_window",
    "blackman_window", "bartlett_window", "kaiser_window", "tril_indices", "triu_indices",
}


def device_mistakes(source: str, only_function: str | None = None) -> list[str]:
    """`line: call` for each torch factory call without `device=` (and each `.numpy()`), in the whole source
    or only inside the top-level function `only_function`. A call drawing from an explicit `generator=` is
    left alone: it is on the generator's device by construction (used for CPU-side seeded draws); so is the
    tensor of an `nn.Parameter`, which moves with its module."""
    tree = ast.parse(source)
    if only_function is not None:
        scopes = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == only_function]
    else:
        scopes = [tree]
    found = []
    for scope in scopes:
        # A module's parameters are made in __init__ and follow the module when the driver moves it.
        parameters = {id(arg) for node in ast.walk(scope) if isinstance(node, ast.Call)
                      and getattr(node.func, "attr", getattr(node.func, "id", "")) == "Parameter" for arg in node.args}
        for node in ast.walk(scope):
            if id(node) in parameters:
                continue
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            func = node.func
            keywords = {k.arg for k in node.keywords}
            if func.attr == "numpy" and not node.args:
                found.append(f"{node.lineno}: .numpy() (outputs are tensors; a driver moves to the CPU first)")
            elif (func.attr in FACTORIES and isinstance(func.value, ast.Name) and func.value.id == "torch"
                  and "device" not in keywords and "generator" not in keywords):
                found.append(f"{node.lineno}: torch.{func.attr}(...) without device=")
    return sorted(found, key=lambda m: int(m.split(":")[0]))


def problem_sources() -> list:
    """A pytest param (file, function to check or None for the whole file) for each file of the bank that
    runs on the job's device. Wrong solutions declared CE are left out: they are meant not to compile."""
    items = []
    for folder in sorted(p for p in PROBLEMS.iterdir() if (p / "problem.yaml").exists()):
        meta = yaml.safe_load((folder / "problem.yaml").read_text())
        files = [("tests.py", "run"), ("reference.py", None)]
        files += [(w["file"], None) for w in meta.get("wrong", []) if w["verdict"] != "CE"]
        for name, function in files:
            label = f"{folder.name}/{name}" + (f":{function}" if function else "")
            items.append(pytest.param(folder / name, function, id=label))
    return items


@pytest.mark.parametrize(("path", "function"), problem_sources())
def test_tensors_are_created_on_the_inputs_device(path: Path, function: str | None) -> None:
    mistakes = device_mistakes(path.read_text(), function)
    assert not mistakes, f"{path.relative_to(PROBLEMS.parent)}:\n  " + "\n  ".join(mistakes)


def test_the_check_finds_the_mistakes_that_broke_the_bank_on_a_gpu() -> None:
    # The shapes of the real failures of issue 9, and their fixes.
    broken = (
        "def f(q, lq, lk):\n"
        "    allowed = torch.ones(lq, lk, dtype=torch.bool).tril()\n"
        "    idx = torch.arange(3)\n"
        "    return torch.tensor([1.0]), q.numpy()\n"
    )
    assert [m.split(":")[0] for m in device_mistakes(broken)] == ["2", "3", "4", "4"]
    fixed = (
        "def f(q, lq, lk, gen):\n"
        "    allowed = torch.ones(lq, lk, dtype=torch.bool, device=q.device).tril()\n"
        "    pick = torch.randint(0, 5, (1,), generator=gen)\n"
        "    return torch.tensor([1.0], device='cpu'), torch.zeros_like(q)\n"
    )
    assert device_mistakes(fixed) == []
    driver = "def make_inputs(p, g):\n    return torch.zeros(3)\n\ndef run(s, i):\n    return torch.zeros(3)\n"
    assert [m.split(":")[0] for m in device_mistakes(driver, "run")] == ["5"]
