"""Quiz rules: the order options are shown in, and how each option of an answer is judged.

The bank's files list the correct options first more often than not, so the page shuffles them: per user,
concept and attempt, deterministically, so a reload shows the same order and a new attempt a new one.
"""

from __future__ import annotations

import hashlib
import random
from typing import Any

from practice.models import Concept, FlashcardReview, QuizAttempt


def option_order(count: int, user_id: int | None, slug: str, attempt: int) -> list[int]:
    """A permutation of range(count), the same for the same user, concept and attempt number."""
    digest = hashlib.sha256(f"{user_id or 0}:{slug}:{attempt}".encode()).digest()
    order = list(range(count))
    random.Random(int.from_bytes(digest[:8], "big")).shuffle(order)
    return order


def judged_options(options: list[dict[str, Any]], order: list[int], chosen: list[int]) -> list[dict[str, Any]]:
    """Each option in display order with the user's judgement of it: ticking a correct option and leaving a
    wrong one unticked are both right, so a rightly unticked option is never marked wrong."""
    judged = []
    for index in order:
        option = options[index]
        ticked = index in chosen
        is_correct = bool(option.get("correct"))
        if is_correct:
            verdict = "correct option, you ticked it" if ticked else "correct option, you missed it"
        else:
            verdict = "wrong option, you ticked it" if ticked else "wrong option, rightly left unticked"
        judged.append({**option, "index": index, "chosen": ticked, "right": ticked == is_correct,
                       "verdict": verdict})
    return judged


def attempt_number(user: Any, concept: Concept) -> int:
    """How many answers this user has already given: the next attempt's number (0 for the anonymous)."""
    return QuizAttempt.objects.filter(user=user, concept=concept).count() if user.is_authenticated else 0


def shown_order(user: Any, concept: Concept) -> tuple[int, dict[str, Any], list[int]]:
    """This user's next attempt: which question (a concept may have several; they take turns, attempt by
    attempt), the question itself and its option order."""
    number = attempt_number(user, concept)
    asked = concept.asked(number)
    order = option_order(len(asked.get("options", [])), user.pk, concept.slug, number)
    return number % max(1, len(concept.questions())), asked, order


def answer(user: Any, concept: Concept, chosen: list[int]) -> tuple[QuizAttempt, list[dict[str, Any]]]:
    """Grade and record one answer (the set of ticked option indexes) to the question this attempt asks,
    for the page and the API alike.

    Correct means exactly the correct set. An answer after the model answer was shown (an earlier attempt,
    or the flashcard) is recorded as practice: it never marks the concept solved."""
    number, asked, order = shown_order(user, concept)
    options = asked.get("options", [])
    chosen = sorted({i for i in chosen if 0 <= i < len(options)})
    revealed = (QuizAttempt.objects.filter(user=user, concept=concept).exists()
                or FlashcardReview.objects.filter(user=user, concept=concept).exists())
    attempt = QuizAttempt.objects.create(user=user, concept=concept, chosen=chosen, after_reveal=revealed,
                                         question=number, correct=chosen == concept.correct_indexes(number))
    return attempt, judged_options(options, order, chosen)
