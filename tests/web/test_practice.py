"""Concepts: `sync_concepts` (idempotent, precise errors), graded quizzes and spaced-repetition flashcards."""

from __future__ import annotations

import datetime as dt
import re
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
    assert "wrong option, rightly left unticked" in wrong and "correct option, you missed it" in wrong
    assert "✗ wrong" not in wrong
    right = alice_client.post("/practice/concepts/dropout-eval/", {"option": ["0", "2"]}).content.decode()
    assert "Correct" in right and "3 / 3" in right and 'data-testid="after-reveal"' in right
    attempts = QuizAttempt.objects.order_by("created_at").values_list("correct", "after_reveal")
    assert list(attempts) == [(False, False), (True, True)]
    # Right only after the answer was shown: practice, not solved.
    assert not QuizAttempt.solving().exists()
    listing = alice_client.get("/?kind=concept").content.decode()
    assert 'data-slug="dropout-eval"' in listing and "status-solved" not in listing


def test_first_correct_answer_solves(alice_client, alice, concept):
    alice_client.post("/practice/concepts/dropout-eval/", {"option": ["0", "2"]})
    assert QuizAttempt.solving().filter(user=alice, concept=concept).exists()
    assert "status-solved" in alice_client.get("/?kind=concept").content.decode()


def test_option_order_is_shuffled_per_user_and_attempt():
    from practice.quiz import option_order

    orders = {tuple(option_order(4, user, "some-concept", attempt)) for user in range(1, 6) for attempt in range(4)}
    assert len(orders) > 5  # different users and attempts see different orders
    assert option_order(4, 7, "x", 2) == option_order(4, 7, "x", 2)  # and a reload shows the same one
    assert sum(option_order(4, user, "c", 0)[0] == 0 for user in range(200)) < 100  # correct-first is not the rule


def test_quiz_page_shows_options_in_the_attempts_order(alice_client, alice, concept):
    from practice.quiz import option_order

    page = alice_client.get("/practice/concepts/dropout-eval/").content.decode()
    shown = [int(v) for v in re.findall(r'name="option" value="(\d+)"', page)]
    assert shown == option_order(3, alice.pk, "dropout-eval", 0)
    graded = alice_client.post("/practice/concepts/dropout-eval/", {"option": ["0"]}).content.decode()
    assert [int(v) for v in re.findall(r'<li class="judged-[a-z]+[^"]*" data-index="(\d)"', graded)] \
        == shown


SECOND = """more_choices:
  - prompt: What does nn.Dropout(p=0.5) multiply the kept values by in training?
    options:
      - {text: "0.5", correct: false, rationale: "That was the original paper's test-time scaling."}
      - {text: "2", correct: true, rationale: "Inverted dropout scales by 1/(1-p)."}
      - {text: "1", correct: false, rationale: "Then the expected value would drop."}
related:"""


def test_several_questions_take_turns(alice_client, alice, tmp_path, problems):
    write(tmp_path, "dropout-two", CONCEPT.format(slug="dropout-two").replace("related:", SECOND))
    sync_concepts(tmp_path)
    concept = Concept.objects.get(slug="dropout-two")
    assert [q["prompt"] for q in concept.questions()][1].startswith("What does nn.Dropout(p=0.5)")
    first = alice_client.get("/practice/concepts/dropout-two/").content.decode()
    assert "Which are true?" in first and "Question 1 of 2" in first
    alice_client.post("/practice/concepts/dropout-two/", {"option": ["0", "2"]})  # right: solved
    second = alice_client.get("/practice/concepts/dropout-two/").content.decode()
    assert "Question 2 of 2" in second and "What does nn.Dropout(p=0.5)" in second and "Which are true?" not in second
    graded = alice_client.post("/practice/concepts/dropout-two/", {"option": ["1"]}).content.decode()
    assert "Correct" in graded and "Inverted dropout scales by 1/(1-p)." in graded  # graded on question 2
    assert list(QuizAttempt.objects.order_by("created_at").values_list("question", "correct")) == [(0, True), (1, True)]
    third = alice_client.get("/practice/concepts/dropout-two/").content.decode()
    assert "Question 1 of 2" in third  # and round again


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
