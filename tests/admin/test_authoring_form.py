"""The draft form against the real bank: every package survives form → files, and mistakes land on fields."""

from __future__ import annotations

import pytest
import yaml

from graders.cli import PROBLEMS
from graders.package import load_package, problem_folders, read_folder
from judge.authoring import DraftForm, SolutionFormSet, build_files, check_draft, error_target, initial_data


def post_data(files: dict[str, str], **changes: object) -> dict[str, object]:
    """What a browser posts for a draft of `files` (CRLF line ends, as browsers send textareas)."""
    data, solutions = initial_data(files)
    data.update(changes)
    post: dict[str, object] = {k: v.replace("\n", "\r\n") if isinstance(v, str) else v for k, v in data.items()
                               if k != "gpu" and v is not None}
    if data["gpu"]:
        post["gpu"] = "on"
    post.update({"solutions-TOTAL_FORMS": str(len(solutions) + 1), "solutions-INITIAL_FORMS": str(len(solutions)),
                 "solutions-MIN_NUM_FORMS": "0", "solutions-MAX_NUM_FORMS": "1000"})
    for i, row in enumerate(solutions):
        post.update({f"solutions-{i}-{k}": v.replace("\n", "\r\n") for k, v in row.items()})
    return post


def check(slug: str, post: dict[str, object], carried: dict[str, str]):
    form, formset = DraftForm(post), SolutionFormSet(post, prefix="solutions")
    return check_draft(slug, form, formset, carried), form, formset


@pytest.mark.parametrize("folder", problem_folders(PROBLEMS), ids=lambda f: f.name)
def test_every_package_round_trips_through_the_form(folder):
    files = read_folder(folder)
    package, form, formset = check(folder.name, post_data(files), files)
    assert package is not None, (form.errors, formset.errors)
    original = load_package(files, f"problems/{folder.name}")
    assert yaml.safe_load(package.files["problem.yaml"]) == yaml.safe_load(files["problem.yaml"])
    assert {k: v for k, v in package.files.items() if k != "problem.yaml"} == {
        k: v for k, v in original.files.items() if k != "problem.yaml"}
    # Saving the saved version again changes nothing: the same files, the same version.
    again, _, _ = check(folder.name, post_data(package.files), package.files)
    assert again.version == package.version


def test_structural_mistakes_are_shown_beside_their_fields():
    files = read_folder(PROBLEMS / "stable-softmax")
    post = post_data(files, difficulty="easy", reference="def softmax(x, dim=-1):\n    return x.exp(\n",
                     tests="sample: []\nhidden: []\nbenchmark: []\n")
    post["solutions-0-verdict"] = "IE"  # not a choice: no solution is written to get an Internal Error
    package, form, formset = check("stable-softmax", post, files)
    assert package is None
    assert formset.forms[0].errors["verdict"]
    post["solutions-0-verdict"] = "AC"
    package, form, formset = check("stable-softmax", post, files)
    assert package is None
    assert "syntax error" in " ".join(form.errors["reference"])
    assert "tests.sample" in " ".join(form.errors["tests"]) and "tests.hidden" in " ".join(form.errors["tests"])
    assert set(form.errors) == {"reference", "tests"}


def test_bad_yaml_and_duplicate_solution_names_are_reported():
    files = read_folder(PROBLEMS / "stable-softmax")
    post = post_data(files, tests="sample: [unclosed")
    post["solutions-2-name"] = post["solutions-1-name"]
    package, form, _ = check("stable-softmax", post, files)
    assert package is None and "not valid YAML" in form.errors["tests"][0]
    post = post_data(files)
    post["solutions-2-name"] = post["solutions-1-name"]
    package, form, _ = check("stable-softmax", post, files)
    assert package is None and "both named 'naive'" in form.non_field_errors()[0]


def test_accepted_variants_are_edited_with_the_other_solutions():
    files = read_folder(PROBLEMS / "stable-softmax")
    post = post_data(files)
    assert (post["solutions-0-name"], post["solutions-0-verdict"]) == ("reciprocal", "AC")
    post.update({"solutions-5-name": "log_space", "solutions-5-verdict": "AC",
                 "solutions-5-why": "exponentiates x - logsumexp(x) instead of dividing by the sum.",
                 "solutions-5-code": "import torch\n\n\ndef softmax(x, dim=-1):\n"
                                     "    return (x - x.logsumexp(dim, keepdim=True)).exp()\n"})
    package, form, formset = check("stable-softmax", post, files)
    assert package is not None, (form.errors, formset.errors)
    assert [a.file for a in package.accepted] == ["accepted/reciprocal.py", "accepted/log_space.py"]
    assert "logsumexp" in package.files["accepted/log_space.py"]
    assert "accepted/log_space.py" not in {w.file for w in package.wrong}
    post["solutions-0-DELETE"] = "on"  # deleting a variant removes its file and its problem.yaml entry
    package, _, _ = check("stable-softmax", post, files)
    assert "accepted/reciprocal.py" not in package.files
    assert [a.file for a in package.accepted] == ["accepted/log_space.py"]


@pytest.mark.parametrize(("message", "target"), [
    ("problems/p/problem.yaml: tests.hidden[2].seed: must be an integer", ("tests", None)),
    ("problems/p/problem.yaml: topics: unknown topic 'x'; known topics: a, b", ("topics", None)),
    ("problems/p/problem.yaml: limits.wall_s: must be a positive number", ("settings", None)),
    ("problems/p/problem.yaml: hints: must be a list of exactly three hints", ("hint_1", None)),
    ("problems/p/problem.yaml: wrong[1].why: must say in a sentence why", ("why", 2)),
    ("problems/p/problem.yaml: accepted[0].why: must say in a sentence how", ("why", 0)),
    ("problems/p/problem.yaml: wrong: must list at least two wrong solutions", ("", None)),
    ("problems/p/reference.py: line 3: syntax error: '(' was never closed", ("reference", None)),
    ("problems/p/tests.py: must define `make_inputs(params, generator)`", ("tests_py", None)),
    ("problems/p/wrong/slow.py: line 1: syntax error: invalid syntax", ("code", 2)),
])
def test_messages_map_to_fields(message, target):
    assert error_target(message, ["accepted/other.py", "wrong/naive.py", "wrong/slow.py"]) == target


def test_build_files_keeps_files_the_form_does_not_edit():
    files = read_folder(PROBLEMS / "stable-softmax")
    _, solutions = initial_data(files)
    form = DraftForm(post_data(files))
    assert form.is_valid(), form.errors
    built = build_files("stable-softmax", form.cleaned_data, solutions, {**files, "data/table.txt": "1 2\n"})
    assert built["data/table.txt"] == "1 2\n"
    assert "\r" not in "".join(built.values())


def test_other_problem_yaml_fields_are_edited_as_settings():
    files = read_folder(PROBLEMS / "stable-softmax")
    package, form, _ = check("stable-softmax", post_data(files, settings="limits: {wall_s: 20}\n"), files)
    assert package is not None and package.limits["wall_s"] == 20
    package, form, _ = check("stable-softmax", post_data(files, settings="colour: red\n"), files)
    assert package is None and "colour: unknown field" in form.errors["settings"][0]
    package, form, _ = check("stable-softmax", post_data(files, settings="title: Another\n"), files)
    assert package is None and "title have their own fields" in form.errors["settings"][0]
