"""Custom input for a Run: the user's own test parameters, checked before they reach the queue.

A user writes a small Python literal, a dict of the problem's test parameters (the first sample's, edited).
It becomes one extra test case of the Run, drawn with the first sample's public seed: unchanged parameters
give exactly the first sample's inputs, and no hidden seed is ever used, so nothing hidden is revealed. The
reference runs on the same inputs, so the user sees the expected output beside theirs.

The parameters are limited by the problem's own tests (sample, hidden and benchmark): only keys they use,
numbers no larger than theirs, lists no longer and with no larger a product. A user cannot ask the sandbox
for a tensor bigger than the problem ever makes. Pure logic: no Django, no torch.
"""

from __future__ import annotations

import ast
import math
from typing import Any

from graders.package import ProblemPackage, TestCase

NAME = "custom input"  # the extra case's name; sample names are slugs, so it never collides
MAX_CHARS = 2000
MAX_DEPTH = 4
MAX_STRING = 100


class CustomInputError(ValueError):
    """The custom input cannot be used; the message says why, for the user."""


def example(package: ProblemPackage) -> str:
    """The first sample's parameters as a Python literal: what the custom input box starts from."""
    samples = package.test_cases("sample")
    return repr(samples[0].params) if samples else "{}"


def _numbers(value: Any) -> list[float]:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return []
    if isinstance(value, int | float):
        return [abs(value)]
    if isinstance(value, dict):
        return [n for v in value.values() for n in _numbers(v)]
    return [n for v in value for n in _numbers(v)]


def _size(value: Any) -> tuple[int, float]:
    """(length, product of absolute values) of a flat list of numbers; (0, 0) for anything else."""
    if isinstance(value, list | tuple) and value and all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value):
        return len(value), math.prod(abs(v) for v in value)
    return 0, 0


def limits(cases: list[TestCase]) -> dict[str, tuple[float, int, float]]:
    """Per parameter key, over the problem's own tests: (largest number, longest list, largest product)."""
    found: dict[str, tuple[float, int, float]] = {}
    for case in cases:
        for key, value in case.params.items():
            number, length, product = found.get(key, (0.0, 0, 0.0))
            size = _size(value)
            found[key] = (max([number, *_numbers(value)]), max(length, size[0]), max(product, size[1]))
    return found


def _check_plain(value: Any, where: str, depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        raise CustomInputError(f"{where} is nested too deeply")
    if value is None or isinstance(value, bool | int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise CustomInputError(f"{where} must be a finite number")
        return
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            raise CustomInputError(f"{where} is longer than {MAX_STRING} characters")
        return
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            _check_plain(item, f"{where}[{i}]", depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise CustomInputError(f"{where} has a key {key!r} that is not a string")
            _check_plain(item, f"{where}[{key!r}]", depth + 1)
        return
    raise CustomInputError(f"{where} is a {type(value).__name__}; use numbers, strings, booleans, None, "
                           "lists, tuples and dicts")


def parse(text: str, package: ProblemPackage) -> dict[str, Any]:
    """The parameters in `text`, or CustomInputError saying what is wrong with them."""
    text = text.strip()
    if not text:
        raise CustomInputError("the custom input is empty; write a dict such as " + example(package))
    if len(text) > MAX_CHARS:
        raise CustomInputError(f"the custom input is longer than {MAX_CHARS} characters")
    try:
        params = ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError) as exc:
        raise CustomInputError(f"the custom input is not a Python literal ({type(exc).__name__}); "
                               f"write a dict such as {example(package)}") from exc
    if not isinstance(params, dict):
        raise CustomInputError(f"the custom input must be a dict of parameters, such as {example(package)}")
    _check_plain(params, "the custom input")
    allowed = limits([t for t in package.tests if t.kind in ("sample", "hidden", "benchmark")])
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise CustomInputError(f"unknown parameter(s) {', '.join(map(repr, unknown))}; this problem's tests use "
                               f"{', '.join(map(repr, sorted(allowed)))}")
    for key, value in params.items():
        number, length, product = allowed[key]
        biggest = max(_numbers(value), default=0)
        if biggest > number:
            raise CustomInputError(f"{key!r}: {biggest:g} is larger than any value this problem's tests use "
                                   f"({number:g})")
        count, volume = _size(value)
        if count and length and (count > length or volume > product):
            raise CustomInputError(f"{key!r} is larger than this problem's tests make it (at most {length} items "
                                   f"with a product of {product:g})")
    return params


def case(package: ProblemPackage, params: dict[str, Any]) -> dict[str, Any]:
    """The Run's extra test case: graded like a sample (its data shown), with the first sample's seed."""
    samples = package.test_cases("sample")
    return {"name": NAME, "kind": "sample", "seed": samples[0].seed if samples else 0, "params": params,
            "weight": 0}
