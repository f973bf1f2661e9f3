"""Leaderboard (best speedup per user, by hardware, with a percentile), history and profile."""

from __future__ import annotations

import pytest

from judge.leaderboard import leaderboard_entries
from judge.models import Problem
from tests.web.conftest import make_submission

pytestmark = pytest.mark.django_db(transaction=True)


def test_leaderboard_best_per_user_grouped_by_hardware(alice, problems, django_user_model):
    bob = django_user_model.objects.create_user("bob", password="bob-password-123")
    make_submission(alice, verdict="AC", hidden_leak=False, user_ms=5.0, speedup=1.0, hardware="cpu")
    make_submission(alice, verdict="AC", hidden_leak=False, user_ms=3.0, speedup=1.5, hardware="cpu")
    make_submission(bob, verdict="AC", hidden_leak=False, user_ms=4.0, speedup=1.2, hardware="cpu")
    make_submission(bob, verdict="AC", hidden_leak=False, user_ms=1.0, speedup=9.0, hardware="a100")
    make_submission(bob, verdict="AC", mode="run", hidden_leak=False, user_ms=0.1, hardware="cpu")
    make_submission(bob, verdict="WA", hidden_leak=False, user_ms=0.1, hardware="cpu")
    boards = leaderboard_entries(Problem.objects.get(slug="stable-softmax"))
    assert list(boards) == ["a100", "cpu"]
    assert [(e["user"].username, e["submission"].user_ms, e["rank"], e["percentile"]) for e in boards["cpu"]] == [
        ("alice", 3.0, 1, 100), ("bob", 4.0, 2, 50)]


def test_leaderboard_page(client, alice, problems):
    make_submission(alice, verdict="AC", hidden_leak=False, user_ms=3.0, speedup=1.5, hardware="cpu")
    body = client.get("/problems/stable-softmax/leaderboard/").content.decode()
    assert 'data-user="alice"' in body and "1.50×" in body


def test_leaderboard_page_shows_each_hardware_class_and_a_result_says_where_it_was_timed(
        client, alice_client, alice, problems):
    make_submission(alice, verdict="AC", hidden_leak=False, user_ms=3.0, speedup=1.5, hardware="cpu")
    on_gpu = make_submission(alice, verdict="AC", hidden_leak=False, user_ms=0.2, speedup=1.1, hardware="h200")
    body = client.get("/problems/stable-softmax/leaderboard/").content.decode()
    assert "<h2>Hardware: cpu</h2>" in body and "<h2>Hardware: h200</h2>" in body
    detail = alice_client.get(f"/submissions/{on_gpu.pk}/").content.decode()
    assert 'data-testid="hardware">h200<' in detail
    assert alice_client.get(f"/submissions/{on_gpu.pk}/status.json").json()["hardware"] == "h200"


def test_history_shows_code_and_results(alice_client, alice, problems):
    make_submission(alice, verdict="WA")
    body = alice_client.get("/submissions/").content.decode()
    assert "return x" in body and "huge-logits" in body and "Wrong Answer" in body


def test_profile_progress(alice_client, alice, problems):
    make_submission(alice, verdict="AC", hidden_leak=False)
    response = alice_client.get("/profile/")
    attention = next(r for r in response.context["topics"] if r["key"] == "attention")
    easy = next(r for r in response.context["difficulties"] if r["key"] == "easy")
    assert (attention["solved"], attention["total"], easy["percent"]) == (1, 1, 100)


def test_pages_need_login(client, problems):
    for url in ("/submissions/", "/profile/", "/practice/flashcards/", "/accounts/password_change/"):
        assert "/accounts/login/" in client.get(url)["Location"]


def test_ranked_by_speedup_not_milliseconds_and_give_ups_kept_off(alice_client, alice, problems, django_user_model):
    from django.utils import timezone

    from practice.models import GiveUp

    bob = django_user_model.objects.create_user("bob", password="bob-password-123")
    carol = django_user_model.objects.create_user("carol", password="carol-password-123")
    make_submission(alice, verdict="AC", hidden_leak=False, user_ms=9.0, ref_ms=18.0, speedup=2.0, hardware="cpu")
    make_submission(bob, verdict="AC", hidden_leak=False, user_ms=2.0, ref_ms=2.2, speedup=1.1, hardware="cpu")
    GiveUp.objects.create(user=carol, problem=Problem.objects.get(slug="stable-softmax"),
                          created_at=timezone.now() - timezone.timedelta(minutes=5))
    late = make_submission(carol, verdict="AC", hidden_leak=False, user_ms=1.0, ref_ms=9.0, speedup=9.0, hardware="cpu")
    board = leaderboard_entries(Problem.objects.get(slug="stable-softmax"))["cpu"]
    assert [e["user"].username for e in board] == ["alice", "bob"]  # carol gave up first: not ranked
    alice_status = alice_client.get(f"/submissions/{board[0]['submission'].pk}/status.json").json()
    assert alice_status["faster_than"] == 50 and not alice_status["after_solution"]  # faster than bob, not carol
    assert alice_status["accepted_speedups"] == {"count": 3, "p10": 1.1, "p50": 2.0, "p90": 9.0}  # all accepted
    page = alice_client.get(f"/submissions/{board[0]['submission'].pk}/").content.decode()
    assert "Their speedups: median 2.0×, 10–90%: 1.1×–9.0× (3 solutions)." in page
    alice_client.force_login(carol)
    assert alice_client.get(f"/submissions/{late.pk}/status.json").json()["after_solution"] is True
    assert "after viewing the solution" in alice_client.get("/submissions/").content.decode()
    assert "solved" in alice_client.get("/problems/stable-softmax/").content.decode()  # still solved for practice


def test_debugging_board_is_not_about_speed(alice, problems):
    from graders.cli import PROBLEMS
    from judge.models import Submission
    from judge.sync import sync_problems

    assert not sync_problems(PROBLEMS, ["debug-attention-softmax-dim"]).errors
    problem = Problem.objects.get(slug="debug-attention-softmax-dim")
    Submission.objects.create(user=alice, problem=problem, version=problem.live_version, code="x", mode="submit",
                              status="finished", verdict="AC", speedup=None)
    assert [e["user"].username for e in leaderboard_entries(problem)["unknown"]] == ["alice"]


def test_give_up_asks_for_confirmation(alice_client, problems):
    body = alice_client.get("/problems/stable-softmax/").content.decode()
    assert 'data-confirm="Give up and see the editorial' in body
