"""Concepts: `sync_concepts` (idempotent, precise errors), graded quizzes and spaced-repetition flashcards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from practice.models import Concept, FlashcardReview, QuizAttempt
from practice.sync import sync_concepts

pytestmark = pytest.mark.django_db(transaction=True)
CONCEPT = """\
slug: {slug}
title: Dropout at eval time
topics: [dropout]
difficulty: easy
question: What does dropout do at evaluation time?
answer: Nothing; it is the identity.
explanation: Inverted dropout rescales during training, so evaluation needs no change.
key_points: [identity at eval, scaling at train, model.eval()]
choices:
  prompt: Which are true?
  options:
    - {{text: It is the identity in eval mode, correct: true, rationale: model.eval() disables it.}}
    - {{text: It scales outputs by p at eval, correct: false, rationale: inverted dropout scales in training.}}
    - {{text: It must be switched off with model.eval(), correct: true, rationale: the module checks self.training.}}
related: [stable-softmax]
"""


def write(root: Path, slug: str, text: str | None = None) -> None:
    root.mkdir(exist_ok=True)
    (root / f"{slug}.yaml").write_text(text if text is not None else CONCEPT.format(slug=slug))


def test_sync_is_idempotent_and_retires(tmp_path):
    write(tmp_path, "dropout-eval")
    assert sync_concepts(tmp_path).created == ["dropout-eval"]
    assert sync_concepts(tmp_path).unchanged == ["dropout-eval"]
    write(tmp_path, "dropout-eval", CONCEPT.format(slug="dropout-eval").replace("Nothing;", "Nothing at all;"))
    assert sync_concepts(tmp_path).updated == ["dropout-eval"]
    (tmp_path / "dropout-eval.yaml").unlink()
    write(tmp_path, "other")
    report = sync_concepts(tmp_path)
    assert report.retired == ["dropout-eval"] and not Concept.objects.get(slug="dropout-eval").is_active


def test_sync_errors_change_nothing(tmp_path):
    write(tmp_path, "good")
    write(tmp_path, "bad", CONCEPT.format(slug="bad").replace("difficulty: easy", "difficulty: trivial"))
    report = sync_concepts(tmp_path)
    assert not Concept.objects.exists()
    assert any("bad.yaml: difficulty: must be one of easy, medium, hard" in e for e in report.errors)


def test_sync_rejects_a_dangling_related_link(tmp_path):
    write(tmp_path, "dropout-eval")
    dangling = CONCEPT.format(slug="dangling").replace("[stable-softmax]", "[stable-softmax, no-such-problem]")
    write(tmp_path, "dangling", dangling)
    report = sync_concepts(tmp_path)
    assert not Concept.objects.exists()
    assert report.errors == ["problems/concepts/dangling.yaml: related: no coding problem 'no-such-problem' "
                             "(expected problems/no-such-problem/problem.yaml)"]


def test_command_loads_the_real_bank():
    call_command("sync_concepts")
    assert Concept.objects.count() >= 1
    with pytest.raises(CommandError):  # the command fails loudly on a bad bank
        from unittest import mock

        with mock.patch("practice.management.commands.sync_concepts.sync_concepts") as sync:
            sync.return_value.lines.return_value = []
            sync.return_value.errors = ["x"]
            call_command("sync_concepts")


@pytest.fixture
def concept(tmp_path, problems) -> Concept:
    write(tmp_path, "dropout-eval")
    sync_concepts(tmp_path)
    return Concept.objects.get(slug="dropout-eval")


def test_quiz_grades_and_explains(alice_client, alice, concept):
    page = alice_client.get("/practice/concepts/dropout-eval/")
    assert b"Which are true?" in page.content and b"model.eval() disables it." not in page.content
    wrong = alice_client.post("/practice/concepts/dropout-eval/", {"option": ["0"]}).content.decode()
    assert "Not quite" in wrong and "2 / 3" in wrong and "inverted dropout scales in training." in wrong
    assert "Numerically stable softmax" in wrong  # related coding problem link
    right = alice_client.post("/practice/concepts/dropout-eval/", {"option": ["0", "2"]}).content.decode()
    assert "Correct" in right and "3 / 3" in right
    assert list(QuizAttempt.objects.order_by("created_at").values_list("correct", flat=True)) == [False, True]


def test_flashcard_rating_schedules(alice_client, alice, concept):
    assert b"Dropout at eval time" in alice_client.get("/practice/flashcards/").content
    alice_client.post("/practice/flashcards/dropout-eval/rate/", {"rating": "good"})
    review = FlashcardReview.objects.get(user=alice)
    assert review.interval_days == 1 and review.due > timezone.now() + dt.timedelta(hours=23)
    assert b"Nothing due right now" in alice_client.get("/practice/flashcards/").content
    review.rate("good")
    assert review.interval_days == 2
    review.rate("easy")
    assert review.interval_days == 8
    review.rate("again")
    assert review.interval_days == 0 and review.due < timezone.now() + dt.timedelta(hours=1)
