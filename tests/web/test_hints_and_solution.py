"""Hints one level at a time; the editorial and reference only after Accepted or a recorded give-up."""

from __future__ import annotations

import pytest

from practice.models import GiveUp
from tests.web.conftest import make_submission

pytestmark = pytest.mark.django_db(transaction=True)
REFERENCE_LINE = "torch.where(torch.isfinite(shift)"


def visible_hints(response) -> int:
    return response.content.decode().count("<li tabindex=\"-1\" >")


def test_hints_revealed_one_at_a_time(client, problems):
    assert visible_hints(client.get("/problems/stable-softmax/")) == 0
    second = client.get("/problems/stable-softmax/?hints=2")
    assert visible_hints(second) == 2 and b"Show hint 3" in second.content
    assert b"next-hint" not in client.get("/problems/stable-softmax/?hints=3").content
    assert visible_hints(client.get("/problems/stable-softmax/?hints=99")) == 3


def test_solution_locked_then_unlocked_by_give_up(alice_client, alice, problems):
    assert REFERENCE_LINE not in alice_client.get("/problems/stable-softmax/").content.decode()
    response = alice_client.post("/problems/stable-softmax/give-up/")
    assert response.status_code == 302 and response["Location"].endswith("#solution")
    assert GiveUp.objects.filter(user=alice, problem__slug="stable-softmax").exists()
    assert REFERENCE_LINE in alice_client.get("/problems/stable-softmax/").content.decode()
    assert "stable-softmax" in alice_client.get("/profile/").content.decode()


def test_solution_unlocked_by_accepted_submit(alice_client, alice, problems):
    make_submission(alice, mode="run", verdict="AC", hidden_leak=False)
    assert REFERENCE_LINE not in alice_client.get("/problems/stable-softmax/").content.decode()
    make_submission(alice, mode="submit", verdict="AC", hidden_leak=False)
    assert REFERENCE_LINE in alice_client.get("/problems/stable-softmax/").content.decode()


def test_anonymous_never_sees_solution(client, problems):
    body = client.get("/problems/stable-softmax/").content.decode()
    assert REFERENCE_LINE not in body and "Give up" not in body
