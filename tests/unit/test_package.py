"""Problem packages: a malformed one gets precise errors; the version is a content hash."""

from pathlib import Path

import pytest

from graders.package import PackageError, load_folder, load_package, read_folder

SOFTMAX = Path(__file__).resolve().parents[2] / "problems" / "stable-softmax"


def softmax_files() -> dict[str, str]:
    return read_folder(SOFTMAX)


def errors_for(files: dict[str, str]) -> list[str]:
    with pytest.raises(PackageError) as info:
        load_package(files, "problems/stable-softmax")
    return info.value.errors


def test_the_sample_package_loads():
    package = load_folder(SOFTMAX)
    assert package.slug == "stable-softmax" and package.entry == "softmax"
    assert len(package.test_cases("sample")) >= 2 and len(package.test_cases("hidden")) >= 5
    assert len(package.hints) == 3 and len(package.wrong) >= 2


def test_every_mistake_is_reported_with_file_field_and_fix():
    files = softmax_files()
    files["problem.yaml"] = (
        files["problem.yaml"]
        .replace("difficulty: easy", "difficulty: simple")
        .replace("seed: 12,", "seed: twelve,")
        .replace("topics: [attention]", "topics: [attention, atention]")
    )
    del files["starter.py"]
    errors = errors_for(files)
    assert "problems/stable-softmax/starter.py: missing; every package needs problem.yaml, statement.md, " \
           "starter.py, reference.py, tests.py" in errors
    assert "problems/stable-softmax/problem.yaml: difficulty: must be one of easy, medium, hard; got 'simple'" in errors
    assert any(e.startswith("problems/stable-softmax/problem.yaml: tests.hidden[2].seed: must be an integer")
               and e.endswith("got 'twelve'") for e in errors)
    assert any("topics: unknown topic 'atention'" in e for e in errors)


def test_invalid_yaml_and_python_are_located():
    files = softmax_files()
    files["reference.py"] = "def softmax(x:\n"
    assert any(e.startswith("problems/stable-softmax/reference.py: line 1: syntax error") for e in errors_for(files))
    files = softmax_files()
    files["problem.yaml"] = "slug: [unclosed\n"
    assert any("problem.yaml: not valid YAML" in e for e in errors_for(files))


def test_too_few_tests_and_undeclared_wrong_files():
    files = softmax_files()
    files["problem.yaml"] = files["problem.yaml"].replace("wrong/naive.py", "wrong/missing.py")
    errors = errors_for(files)
    assert "problems/stable-softmax/problem.yaml: wrong[0].file: must name an existing file under wrong/, " \
           "got 'wrong/missing.py'" in errors


def test_a_number_yaml_reads_as_a_string_is_caught():
    files = softmax_files()
    files["problem.yaml"] = files["problem.yaml"].replace("scale: 1000.0", "scale: 1.0e3")
    assert "problems/stable-softmax/problem.yaml: tests.hidden[3].params.scale: '1.0e3' is a string, not a " \
           "number: YAML needs a signed exponent or a decimal point, e.g. 1.0e+30" in errors_for(files)


def test_version_is_a_content_hash():
    files = softmax_files()
    first = load_package(files, "problems/stable-softmax").version
    assert load_package(dict(files), "problems/stable-softmax").version == first
    files["statement.md"] += "\nOne more line.\n"
    assert load_package(files, "problems/stable-softmax").version != first
