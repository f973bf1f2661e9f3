"""Hints one level at a time; the editorial and reference only after Accepted or a recorded give-up."""

from __future__ import annotations

import pytest
from django.test import override_settings

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


def test_drafts_and_hints_follow_the_user_to_another_browser(alice_client, alice, problems, password):
    from django.test import Client

    from judge.models import Draft

    code = "def softmax(x, dim=-1):\n    pass  # mine\n"
    saved = alice_client.post("/problems/stable-softmax/draft/", {"code": code})
    assert saved.status_code == 200 and "saved_at" in saved.json()
    alice_client.get("/problems/stable-softmax/?hints=2")
    other = Client()  # a second browser: no localStorage, no session of the first
    other.force_login(alice)
    page = other.get("/problems/stable-softmax/").content.decode()
    assert "pass  # mine" in page  # the editor starts from the server draft
    assert page.count('<li tabindex="-1" >') == 2  # the two revealed hints stay revealed
    assert Draft.objects.get(user=alice).hints_shown == 2
    other.post("/problems/stable-softmax/draft/", {"hints": "1"})  # revealing is never undone
    assert Draft.objects.get(user=alice).hints_shown == 2
    with override_settings(TJ_MAX_CODE_BYTES=10):
        too_big = other.post("/problems/stable-softmax/draft/", {"code": "#" * 11})
    assert too_big.status_code == 400 and "larger than" in too_big.json()["error"]
    assert "pass  # mine" in Draft.objects.get(user=alice).code  # the saved draft is kept


def test_last_submission_can_be_loaded(alice_client, alice, problems):
    make_submission(alice, hidden_leak=False)
    page = alice_client.get("/problems/stable-softmax/").content.decode()
    assert 'id="load-last"' in page and '<script id="last-code" type="application/json">' in page


def test_the_page_reads_the_users_standing_in_one_query(alice_client, alice, problems,
                                                         django_assert_max_num_queries):
    """Draft, revealed hints, solved and gave up come from one statement: a class opens this page over and over."""
    alice_client.post("/problems/stable-softmax/draft/", {"code": "def softmax(x, dim=-1):\n    pass  # kept\n"})
    alice_client.get("/problems/stable-softmax/?hints=2")
    make_submission(alice, mode="submit", verdict="AC", hidden_leak=False)
    alice_client.get("/problems/stable-softmax/")  # the session is read from the database once, then cached
    # user, the standing, recent submissions, their results, whether the Submit came after a give-up (the
    # problem is kept per process until the bank changes)
    with django_assert_max_num_queries(5):
        page = alice_client.get("/problems/stable-softmax/").content.decode()
    assert "pass  # kept" in page and page.count('<li tabindex="-1" >') == 2
    assert REFERENCE_LINE in page and "status-solved" in page
