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


def with_yaml(edit) -> dict[str, str]:
    import yaml

    files = softmax_files()
    meta = yaml.safe_load(files["problem.yaml"])
    edit(meta)
    files["problem.yaml"] = yaml.safe_dump(meta)
    return files


def test_a_gpu_problem_needs_gpu_sized_benchmarks():
    errors = errors_for(with_yaml(lambda m: m.update(gpu=True)))
    assert any("tests.benchmark_gpu: a gpu: true problem needs at least one benchmark sized for a GPU" in e
               for e in errors)


def test_gpu_benchmarks_are_timed_on_a_gpu_and_cpu_benchmarks_on_a_cpu():
    from graders.engine import EngineConfig, build_job

    gpu_case = {"name": "gpu-large", "seed": 7, "params": {"shape": [4096, 8192]}}
    package = load_package(with_yaml(lambda m: (m.update(gpu=True), m["tests"].update(benchmark_gpu=[gpu_case]))),
                           "problems/stable-softmax")
    assert [t.name for t in package.benchmarks(on_gpu=True)] == ["gpu-large"]
    assert [t.name for t in package.benchmarks(on_gpu=False)] == ["large"]
    on_gpu = build_job(package, "", "submit", EngineConfig(image="i", salt="s", gpu="0"), b"k")
    on_cpu = build_job(package, "", "submit", EngineConfig(image="i", salt="s"), b"k")
    assert on_gpu["device"] == "cuda" and [b["params"] for b in on_gpu["problem"]["benchmarks"]] == [gpu_case["params"]]
    assert on_cpu["device"] == "cpu" and [b["name"] for b in on_cpu["problem"]["benchmarks"]] == ["large"]
    # A CPU problem has no GPU benchmarks: a GPU worker times its CPU-sized ones.
    assert [t.name for t in load_folder(SOFTMAX).benchmarks(on_gpu=True)] == ["large"]


def test_a_package_preloads_the_heavy_libraries_its_driver_or_reference_imports():
    files = softmax_files()
    assert load_package(files, "p").preload == ()
    files["tests.py"] = "def build():\n    from transformers import BertConfig\n" + files["tests.py"]
    files["reference.py"] = "import torchvision.ops\n# not transformers_extra, nor a comment about transformers\n" \
        + files["reference.py"]
    assert load_package(files, "p").preload == ("torchvision", "transformers")
    files["tests.py"] = "import transformers_extra\n" + softmax_files()["tests.py"]
    files["reference.py"] = softmax_files()["reference.py"]
    assert load_package(files, "p").preload == ()
