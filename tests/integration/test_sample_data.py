"""Sample tests show their data, passing ones too, and the arguments as the entry point receives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from graders.config import engine_config
from graders.container import DockerSandbox
from graders.engine import grade
from graders.package import load_package, read_folder
from graders.sample_preview import sample_arguments, stub_code
from tests.integration.sandbox import REFERENCE, leftover_containers, run

pytestmark = pytest.mark.integration
BERT = Path(__file__).resolve().parents[2] / "problems" / "bert-sequence-classification-head"


@pytest.fixture(autouse=True)
def no_leftovers():
    yield
    assert leftover_containers() == []


def test_a_passing_sample_shows_its_data():
    result = run(REFERENCE)
    assert result.verdict == "AC", result.message
    sample = result.tests[0]
    assert sample["verdict"] == "AC" and "tensor" in sample["details"]["input"]
    assert sample["details"]["expected"] == sample["details"]["actual"] and "tensor" in sample["details"]["actual"]


def test_a_driver_problem_shows_what_the_function_receives_summarised():
    """The generator makes token ids and a model seed; the function takes hidden states and a state dict."""
    package = load_package(read_folder(BERT), "problems/bert-sequence-classification-head")
    result = grade(package, stub_code(package), "run", DockerSandbox(), engine_config())
    shown = sample_arguments(result)
    assert set(shown) == {t.name for t in package.test_cases("sample")}, (result.message, result.tests)
    first = next(iter(shown.values()))
    assert first.startswith("last_hidden_state = tensor of shape (") and "torch.float32" in first
    assert "state_dict = {" in first and "'classifier.weight': tensor of shape (" in first
    assert "input_ids" not in first and "model_seed" not in first
