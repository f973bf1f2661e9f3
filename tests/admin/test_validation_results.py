"""The admin's validation shows each solution's result as it arrives: `validate_package` reports every
solution to `on_result` while the sandbox still runs, in the order they were graded, with the verdict it
returns at the end. Real Docker sandbox."""

from __future__ import annotations

from dataclasses import replace

import pytest

from graders.cli import PROBLEMS, validation_config, validation_salts
from graders.container import DockerSandbox
from graders.package import load_folder
from graders.validation import SolutionResult, Validation, expected_verdicts, validate_batch, validate_package

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


def test_several_problems_share_one_sandbox_and_a_broken_one_spoils_only_itself():
    """`validate_problems` grades problems in batches, one sandbox each: each problem gets its own results
    (and its own runners), and a problem whose reference breaks fails alone."""
    good = load_folder(PROBLEMS / "stable-softmax")
    other = load_folder(PROBLEMS / "layer-norm")
    broken = replace(other, slug="layer-norm-broken",
                     files={**other.files, "reference.py": "raise RuntimeError('this reference is broken')\n"})
    batch = [Validation(p, [(name, p.files[name]) for name in expected_verdicts(p)], validation_salts(p, 1))
             for p in (broken, good, other)]
    heard: list[tuple[str, str]] = []
    results = validate_batch(batch, DockerSandbox(), validation_config("cpu"),
                             on_result=lambda slug, name, _result: heard.append((slug, name)))
    for package in (good, other):
        assert {n: r.verdict for n, r in results[package.slug].items()} == expected_verdicts(package)
    spoiled = results["layer-norm-broken"]
    assert set(spoiled) == set(expected_verdicts(broken))
    assert spoiled.pop("reference.py").verdict == "RE"  # graded as a solution first: it raises on loading
    for result in spoiled.values():  # then the problem fails as a whole, for every solution left
        assert result.verdict == "IE" and result.message.startswith("problem error: the reference"), result.message
    # Each solution of the good problems was heard as it landed, tagged with its own problem.
    assert [slug for slug, _ in heard if slug != "layer-norm-broken"] == (
        ["stable-softmax"] * len(expected_verdicts(good)) + ["layer-norm"] * len(expected_verdicts(other)))
