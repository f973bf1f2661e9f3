"""Custom input: parsed as a literal, limited by the problem's own tests, sent as one more case of a Run."""

from pathlib import Path

import pytest

from graders import custom_input
from graders.custom_input import CustomInputError, parse
from graders.engine import EngineConfig, build_job
from graders.package import load_folder

SOFTMAX = load_folder(Path(__file__).resolve().parents[2] / "problems" / "stable-softmax")


def test_the_first_samples_parameters_edited_are_accepted():
    assert custom_input.example(SOFTMAX) == "{'shape': [1, 5], 'scale': 1.0}"
    assert parse("{'shape': [2, 7], 'scale': 3.5, 'dim': 0}", SOFTMAX) == {"shape": [2, 7], "scale": 3.5, "dim": 0}
    assert parse("  {'shape': (3, 3), 'dtype': 'float64', 'transpose': True}\n", SOFTMAX)["shape"] == (3, 3)


@pytest.mark.parametrize(("text", "reason"), [
    ("", "is empty"),
    ("{'shape': [2, 7]", "not a Python literal"),
    ("__import__('os').system('true')", "not a Python literal"),
    ("[2, 7]", "must be a dict"),
    ("{'shape': {1, 2}}", "is a set"),
    ("{'shape': [2, 7], 'size': 3}", "unknown parameter(s) 'size'"),
    ("{'shape': [2, 1000000000]}", "larger than any value"),
    ("{'shape': [2, 7], 'scale': float('inf')}", "not a Python literal"),
    ("{'shape': [2, 7], 'scale': 1e400}", "finite number"),
    ("{'shape': [1000, 1000, 1000]}", "larger than this problem's tests make it"),
    ("{'shape': [[[[[[1]]]]]]}", "nested too deeply"),
    ("{'shape': [1], 'dtype': '" + "x" * 200 + "'}", "longer than 100 characters"),
    ("{'shape': [" + "1, " * 1000 + "1]}", "longer than 2000 characters"),
])
def test_what_cannot_be_used_is_refused_with_the_reason(text, reason):
    with pytest.raises(CustomInputError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        parse(text, SOFTMAX)


def test_the_case_goes_after_the_samples_of_a_run_only():
    params = parse("{'shape': [2, 7]}", SOFTMAX)
    extra = (custom_input.case(SOFTMAX, params),)
    config = EngineConfig(image="unused", salt="salt")
    run = build_job(SOFTMAX, "code", "run", config, b"k", extra)["problem"]["tests"]
    samples = SOFTMAX.test_cases("sample")
    assert [t["name"] for t in run] == [*(s.name for s in samples), custom_input.NAME]
    assert run[-1] == {"name": custom_input.NAME, "kind": "sample", "seed": samples[0].seed, "params": params,
                       "weight": 0}  # the first sample's public seed: no hidden seed is ever used
    submit = build_job(SOFTMAX, "code", "submit", config, b"k", extra)["problem"]["tests"]
    assert custom_input.NAME not in [t["name"] for t in submit]
