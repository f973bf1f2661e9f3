"""The stand-in solution is built from the reference's entry point; its printed summaries are found again."""

from pathlib import Path

from graders.engine import GradeResult
from graders.package import load_package, read_folder
from graders.sample_preview import entry_parameters, has_driver, sample_arguments, sample_values

PROBLEMS = Path(__file__).resolve().parents[2] / "problems"


def test_entry_parameters_of_functions_and_classes():
    source = "import torch\n\ndef f(x, /, y, z=1):\n    pass\n\nclass M(torch.nn.Module):\n" \
             "    def __init__(self, d_model, heads=2):\n        pass\n"
    assert entry_parameters(source, "f") == (("x", "y", "z"), False)
    assert entry_parameters(source, "M") == (("d_model", "heads"), True)
    assert entry_parameters(source, "missing") == ((), False)


def test_sample_arguments_read_back_from_printed_output():
    printed = "--- stdout ---\n<<<tj-arguments\nx = tensor([1.])\ndim = -1\ntj-arguments>>>\n"
    tests = [{"name": "row", "kind": "sample", "printed": printed},
             {"name": "secret", "kind": "hidden", "printed": printed},
             {"name": "quiet", "kind": "sample"}]
    result = GradeResult(verdict="RE", message="", tests=tests, timing=None, score=None, speedup=None)
    assert sample_arguments(result) == {"row": "x = tensor([1.])\ndim = -1"}


def test_only_problems_with_a_driver_need_a_preview():
    def package(slug: str):
        return load_package(read_folder(PROBLEMS / slug), f"problems/{slug}")

    assert has_driver(package("bert-sequence-classification-head"))
    assert not has_driver(package("stable-softmax"))


def test_sample_values_read_back_where_the_stub_kept_them():
    printed = "<<<tj-arguments\nx = tensor([1.])\ntj-arguments>>>\n<<<tj-values\nQUJD+/0=\ntj-values>>>\n"
    tests = [{"name": "small", "kind": "sample", "printed": printed},
             {"name": "large", "kind": "sample", "printed": "<<<tj-arguments\nx = …\ntj-arguments>>>"},
             {"name": "secret", "kind": "hidden", "printed": printed}]
    result = GradeResult(verdict="RE", message="", tests=tests, timing=None, score=None, speedup=None)
    assert sample_values(result) == {"small": "QUJD+/0="}
