"""What the runner does to an output inside the timed call (`runner.plain`), run where torch is (the sandbox
image): a tensor subclass anywhere in it is made plain or refused, and a long list of numbers is copied
whole, equal and of the same type, without walking it element by element."""

from __future__ import annotations

import pytest

from tests.integration.sandbox import python_in_image

pytestmark = pytest.mark.integration

CHECK = """
import sys, torch
sys.path.insert(0, "/opt/judge")
from graders.sandbox.runner import plain

numbers = [0.5] * 300_000 + [1, True, None, "s", 2j, b"x"]
copied = plain(numbers)
assert copied == numbers and type(copied) is list and copied is not numbers
numbers.append(7.0)  # changing the solution's list later does not change the output
assert len(copied) == len(numbers) - 1
assert plain((1, 2.5, "x")) == (1, 2.5, "x") and type(plain((1, 2.5, "x"))) is tuple

class Lazy(torch.Tensor):  # its clone stays a Lazy: refused wherever it sits in the output
    pass

class Number(float):
    pass

for nested in ([1.0, torch.ones(2).as_subclass(Lazy)], (Number(1.5), [torch.zeros(1).as_subclass(Lazy)]),
               {"a": [torch.ones(1).as_subclass(Lazy)]}):
    try:
        plain(nested)
    except TypeError:
        continue
    raise SystemExit(f"a tensor subclass passed in {nested!r}")
weight = torch.nn.Parameter(torch.ones(2))
assert plain([weight, 1.0])[0] is weight and plain([Number(1.5), 2.0]) == [1.5, 2.0]
print("plain ok")
"""


def test_outputs_are_made_plain_and_number_lists_are_copied_whole():
    assert python_in_image(CHECK).strip().endswith("plain ok")
