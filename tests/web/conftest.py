"""Fixtures for page tests: no worker, so submissions and their TestResult rows are written directly."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache

SECRET_INPUT = "HIDDEN-INPUT-tensor([[7.77, 8.88]])"
SECRET_EXPECTED = "HIDDEN-EXPECTED-tensor([[0.25, 0.75]])"
SECRET_MESSAGE = "HIDDEN-MESSAGE got 0.98765, expected 0.12345"
HIDDEN_KIND = "out: max abs error 0.123 > tolerance at (0, 4)"  # the kind of failure, which pages do show


@pytest.fixture(autouse=True)
def fresh_limits() -> None:
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()


@pytest.fixture(autouse=True)
def no_queue(monkeypatch) -> list[int]:
    """Record what would be sent to the worker instead of sending it: no worker runs in these tests."""
    sent: list[int] = []
    monkeypatch.setattr("judge.views.enqueue", lambda submission: sent.append(submission.pk))
    monkeypatch.setattr("api.views.enqueue", lambda submission: sent.append(submission.pk))
    return sent


@pytest.fixture(autouse=True)
def previews(monkeypatch) -> list[int]:
    """Record which problem versions a page asked the worker to preview the samples of."""
    asked: list[int] = []
    monkeypatch.setattr("judge.sample_previews.preview_samples.apply_async", lambda args, queue: asked.append(args[0]))
    return asked


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


def make_submission(user: Any, mode: str = "submit", verdict: str = "WA", hidden_leak: bool = True,
                    **fields: Any):
    """A finished submission of stable-softmax with a failing sample and (optionally) a hidden test whose row
    carries secret data, as a buggy grader might store it: pages must still never show it."""
    from judge.models import Problem, Submission, TestResult

    problem = Problem.objects.get(slug="stable-softmax")
    submission = Submission.objects.create(
        user=user, problem=problem, version=problem.live_version, code="def softmax(x, dim=-1):\n    return x\n",
        mode=mode, **{"status": Submission.Status.FINISHED, **fields}, verdict=verdict)
    TestResult.objects.create(
        submission=submission, index=0, name="row", kind="sample", verdict="WA", message="max abs error 0.8",
        details={"details": {"input": "tensor([[1., 2., 3.]])", "expected": "tensor([[0.0900, 0.2447, 0.6652]])",
                             "actual": "tensor([[1., 2., 3.]])"}, "printed": "hello from print"})
    if hidden_leak:
        TestResult.objects.create(
            submission=submission, index=1, name="huge-logits", kind="hidden", verdict="WA",
            message=f"{HIDDEN_KIND}; values: {SECRET_MESSAGE}",
            details={"details": {"input": SECRET_INPUT, "expected": SECRET_EXPECTED, "actual": "x"}})
    return submission
