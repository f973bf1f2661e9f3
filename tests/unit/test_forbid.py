"""The static half of `forbid:`: the scan finds a forbidden API through aliases, imports and getattr, names it
and its line, and leaves honest code alone; package validation checks the field and the reference."""

from pathlib import Path

import pytest

from graders.package import PackageError, load_folder, load_package, problem_folders, read_folder
from graders.sandbox.forbid import config_errors, scan

PROBLEMS = Path(__file__).resolve().parents[2] / "problems"
FORBID = {
    "modules": ["torch.optim"],
    "callables": ["torch.nn.functional.cross_entropy", "torch.nn.MultiheadAttention", "torch.logsumexp"],
    "attributes": ["torch.Tensor.backward"],
}


@pytest.mark.parametrize(("code", "line", "named"), [
    ("import torch\n\nopt = torch.optim.Adam([])\n", 3, "torch.optim.Adam"),
    ("import torch.optim as o\n", 1, "torch.optim"),
    ("from torch import optim\n", 1, "torch.optim"),
    ("from torch.optim import Adam as A\n", 1, "torch.optim.Adam"),
    ("from torch.optim import *\n", 1, "torch.optim"),
    ("import torch.nn.functional as F\n\n\ndef f(x, y):\n    return F.cross_entropy(x, y)\n", 5,
     "torch.nn.functional.cross_entropy"),
    ("from torch.nn import functional\nloss = functional.cross_entropy\n", 2, "torch.nn.functional.cross_entropy"),
    ("import torch\nnn = torch.nn\nM = getattr(nn, 'MultiheadAttention')\n", 3, "torch.nn.MultiheadAttention"),
    ("from torch import nn\n\n\nclass A(nn.MultiheadAttention):\n    pass\n", 4, "torch.nn.MultiheadAttention"),
    ("import torch\n\n\ndef f(x):\n    x.sum().backward()\n", 5, ".backward"),
    ("def f(x):\n    return getattr(x, 'backward')()\n", 2, "getattr(..., 'backward')"),
    ("import sys\nm = sys.modules['torch.optim']\n", 2, "torch.optim"),
    ("import importlib\nm = importlib.import_module('torch.optim')\n", 2, "torch.optim"),
    ("m = __import__('torch').optim\n", 1, "torch.optim"),
    ("import torch\nd = torch.__dict__['optim']\n", 2, "torch.optim"),
    ("import torch\ny = torch.logsumexp(torch.ones(2), 0)\n", 2, "torch.logsumexp"),
    ("x = 1\nexec('import torch.optim')\n", 2, "exec"),
])
def test_the_scan_finds_the_forbidden_use_and_its_line(code, line, named):
    message = scan(code, FORBID)
    assert message is not None and message.startswith(f"line {line}: `{named}`"), message


def test_the_first_violation_by_line_is_reported():
    code = "import torch\n\ny = torch.logsumexp\nimport torch.optim\n"
    assert scan(code, FORBID).startswith("line 3: `torch.logsumexp`")


@pytest.mark.parametrize("code", [
    "import torch\n\n\ndef f(x):\n    return x - x.exp().sum(-1, keepdim=True).log()\n",
    "import torch\nimport torch.nn.functional as F\ny = F.linear\nz = torch.optimize_me\n",
    "import torch\n\n\ndef f(x):\n    return x\n\n\nif __name__ == '__main__':\n    f(torch.ones(2)).backward()\n",
    "import torch\nF = torch.nn.functional\nF = object()\nF.cross_entropy\n",  # F rebound: no longer torch's
    "class Fn:\n    @staticmethod\n    def backward(ctx, grad):\n        return grad\n",  # defining backward is fine
    "def f(x:\n",  # a syntax error is left to the runner, which reports it as a CE itself
])
def test_honest_code_passes(code):
    assert scan(code, FORBID) is None


def test_nothing_is_scanned_without_a_forbid_list():
    assert scan("exec('import torch.optim')\n", None) is None


def test_config_errors_name_the_field():
    assert config_errors(None) == []
    assert config_errors(FORBID) == []
    assert config_errors(["torch.optim"])[0].startswith("forbid: must be a mapping with one or more of modules")
    assert config_errors({"modules": []}) == [
        "forbid.modules: must be a non-empty list of qualified names, got []"]
    assert config_errors({"attributes": ["backward"]}) == [
        "forbid.attributes: 'backward' is not a dotted Python name like torch.Tensor.backward"]
    assert "not a dotted Python name" in config_errors({"callables": ["torch.nn.functional.cross entropy"]})[0]


def test_a_package_whose_reference_uses_a_forbidden_api_is_refused():
    files = read_folder(Path(__file__).resolve().parents[2] / "problems" / "stable-softmax")
    files["reference.py"] = "import torch\n\n\ndef softmax(x, dim=-1):\n    return torch.softmax(x, dim)\n"
    with pytest.raises(PackageError) as info:
        load_package(files, "problems/stable-softmax")
    assert info.value.errors == [
        "problems/stable-softmax/reference.py: line 5: `torch.softmax` is forbidden in this problem (see the "
        "statement): the reference must obey its own `forbid:`"]


def test_a_malformed_forbid_field_is_reported_with_the_file():
    files = read_folder(Path(__file__).resolve().parents[2] / "problems" / "stable-softmax")
    files["problem.yaml"] = files["problem.yaml"].replace("forbid:\n", "forbid:\n  module: [torch.optim]\n")
    with pytest.raises(PackageError) as info:
        load_package(files, "problems/stable-softmax")
    assert info.value.errors[0].startswith("problems/stable-softmax/problem.yaml: forbid: must be a mapping")


def test_every_do_not_use_statement_has_a_forbid_list():
    """The problems the 2026-11-29 review named, and every other statement that rules an API out."""
    forbidding = [p for p in map(load_folder, problem_folders(PROBLEMS)) if p.forbid]
    slugs = {p.slug for p in forbidding}
    assert {"multihead-attention", "softmax-autograd-function", "layernorm-backward", "lstm-cell",
            "label-smoothing-cross-entropy", "adam-step"} <= slugs
    for folder in problem_folders(PROBLEMS):
        statement = (folder / "statement.md").read_text().lower()
        if "do not use `" in statement or "do not call `" in statement:
            assert folder.name in slugs, folder.name
    for package in forbidding:
        assert any(w.verdict == "CE" and w.file == "wrong/forbidden_api.py" for w in package.wrong), package.slug
