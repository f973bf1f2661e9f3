"""The admin's validation shows each solution's result as it arrives: `validate_package` reports every
solution to `on_result` while the sandbox still runs, in the order they were graded, with the verdict it
returns at the end. Real Docker sandbox."""

from __future__ import annotations

import pytest

from graders.cli import PROBLEMS, validation_config, validation_salts
from graders.container import DockerSandbox
from graders.package import load_folder
from graders.validation import SolutionResult, expected_verdicts, validate_package

pytestmark = pytest.mark.integration


def test_each_solution_is_reported_as_it_is_graded():
    package = load_folder(PROBLEMS / "stable-softmax")
    wanted = expected_verdicts(package)
    assert list(wanted)[:2] == ["reference.py", "accepted/reciprocal.py"]  # the reference is graded first
    solutions = [(name, package.files[name]) for name in wanted]
    heard: list[tuple[str, SolutionResult]] = []
    results = validate_package(package, solutions, validation_salts(package, 2), DockerSandbox(),
                               validation_config("cpu"), on_result=lambda name, result: heard.append((name, result)))
    assert [name for name, _ in heard] == list(wanted)
    assert {name: result.verdict for name, result in heard} == {n: r.verdict for n, r in results.items()}
    assert {name: result.verdict for name, result in heard} == wanted
    assert heard[0][1].ref_ms  # the reference's benchmark times, shown beside its row
