"""API: list filters, concept questions (listed, read shuffled, answered), your submissions, hints one by one."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from practice.models import Concept, QuizAttempt
from tests.web.conftest import make_submission

pytestmark = pytest.mark.django_db(transaction=True)
SLUGS = ["stable-softmax", "bert-sequence-classification-head", "debug-attention-softmax-dim"]


@pytest.fixture
def bank(transactional_db) -> None:
    from graders.cli import PROBLEMS
    from judge.sync import sync_problems

    assert not sync_problems(PROBLEMS, SLUGS).errors


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_problem_filters(bank):
    from judge.models import Problem

    client = APIClient()
    for difficulty in ("easy", "medium", "hard"):  # the bank's difficulties may be revised: ask the database
        expected = sorted(Problem.objects.filter(difficulty=difficulty).values_list("slug", flat=True))
        assert slugs(client.get(f"/api/problems/?difficulty={difficulty}")) == expected
    assert slugs(client.get("/api/problems/?kind=debugging")) == ["debug-attention-softmax-dim"]
    assert slugs(client.get("/api/problems/?topic=attention&kind=coding")) == ["stable-softmax"]
    assert slugs(client.get("/api/problems/?topic=bert")) == ["bert-sequence-classification-head"]
    bad = client.get("/api/problems/?difficulty=impossible")
    assert bad.status_code == 400 and "easy" in bad.json()["difficulty"]


def test_hints_one_at_a_time(bank):
    client = APIClient()
    detail = client.get("/api/problems/stable-softmax/").json()
    assert "hints" not in detail and detail["hint_count"] == 3
    first = client.get("/api/problems/stable-softmax/hints/1/").json()
    assert first["number"] == 1 and first["of"] == 3 and first["hint"]
    assert client.get("/api/problems/stable-softmax/hints/4/").status_code == 404


def test_concepts_listed_read_and_answered(api, alice, bank):
    call_command("sync_concepts")
    listing = APIClient().get("/api/concepts/?difficulty=easy").json()
    assert listing["count"] == Concept.objects.filter(is_active=True, difficulty="easy").count() > 0
    concept = Concept.objects.filter(is_active=True, choices__isnull=False).first()
    detail = api.get(f"/api/concepts/{concept.slug}/").json()
    assert detail["prompt"] and sorted(o["index"] for o in detail["options"]) == list(range(len(detail["options"])))
    assert all(set(o) == {"index", "text"} for o in detail["options"])  # correctness is not told before answering
    graded = api.post(f"/api/concepts/{concept.slug}/answer/", {"options": concept.correct_indexes()}, format="json")
    assert graded.status_code == 201
    body = graded.json()
    assert body["correct"] and body["solved"] and all(o["rationale"] for o in body["options"])
    again = api.post(f"/api/concepts/{concept.slug}/answer/", {"options": concept.correct_indexes()}, format="json")
    assert again.json()["correct"] and not again.json()["solved"]  # after the answer was shown: practice
    assert QuizAttempt.objects.filter(user=alice).count() == 2
    assert APIClient().post(f"/api/concepts/{concept.slug}/answer/", {"options": [0]}, format="json").status_code == 401


def test_concept_options_are_not_always_correct_first(api, bank):
    """Over many questions, the first option shown is often a wrong one (the files list correct ones first)."""
    call_command("sync_concepts")
    firsts = []
    for concept in Concept.objects.filter(is_active=True, choices__isnull=False)[:20]:
        first = api.get(f"/api/concepts/{concept.slug}/").json()["options"][0]["index"]
        firsts.append(first in concept.correct_indexes())
    assert len(firsts) == 20 and not all(firsts)


def test_my_submissions_paginated_and_filtered(api, alice, bank, django_user_model):
    mine = [make_submission(alice, hidden_leak=False) for _ in range(3)]
    make_submission(django_user_model.objects.create_user("bob", password="bob-password-123"), hidden_leak=False)
    listing = api.get("/api/submissions/").json()
    assert listing["count"] == 3 and [s["id"] for s in listing["results"]] == [s.pk for s in reversed(mine)]
    assert api.get("/api/submissions/?problem=stable-softmax").json()["count"] == 3
    assert api.get("/api/submissions/?problem=bert-sequence-classification-head").json()["count"] == 0
    assert APIClient().get("/api/submissions/").status_code == 401


def test_problem_list_is_cached_until_the_bank_changes(bank, django_assert_max_num_queries):
    from judge.models import Problem

    client = APIClient()
    first = slugs(client.get("/api/problems/"))
    with django_assert_max_num_queries(0):  # the same for every client: served from the cache
        assert slugs(client.get("/api/problems/")) == first
    hidden = Problem.objects.get(slug="stable-softmax")
    hidden.is_public = False
    hidden.save()  # an admin hides a problem: the cached list is stale at once
    assert slugs(client.get("/api/problems/")) == [s for s in first if s != "stable-softmax"]


def test_a_concepts_questions_take_turns_in_the_api(api, bank):
    call_command("sync_concepts")
    concept = Concept.objects.get(slug="dropout-train-eval")  # the bank gives it three questions
    asked = []
    for number in range(len(concept.questions()) + 1):
        detail = api.get(f"/api/concepts/{concept.slug}/").json()
        assert detail["asking"] == {"number": number % 3 + 1, "of": 3}
        asked.append(detail["prompt"])
        graded = api.post(f"/api/concepts/{concept.slug}/answer/", {"options": concept.correct_indexes(number)},
                          format="json").json()
        assert graded["correct"] and graded["question"] == number % 3 + 1
    assert asked[:3] == [q["prompt"] for q in concept.questions()] and asked[3] == asked[0]
