"""Concept practice (quizzes, flashcards) and the record of a user giving up on a coding problem.

Concepts are synced from problems/concepts/*.yaml by `manage.py sync_concepts`; the files stay the source
of truth, the rows are a queryable copy. Per-user state lives in the other models.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone


class Concept(models.Model):
    """One concept question, a copy of its YAML file (see graders/concepts.py for the fields)."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    topics = models.JSONField(default=list)
    difficulty = models.CharField(max_length=8)
    question = models.TextField()
    answer = models.TextField()
    explanation = models.TextField()
    key_points = models.JSONField(default=list)
    choices = models.JSONField(null=True, blank=True)  # {"prompt": str, "options": [{text, correct, rationale}]}
    more_choices = models.JSONField(default=list, blank=True)  # further questions, shaped like `choices`
    related = models.JSONField(default=list)  # coding-problem slugs
    seed_refs = models.JSONField(default=list)
    version = models.CharField(max_length=32)
    is_active = models.BooleanField(default=True)  # False once its file is deleted: attempts keep their concept

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title

    def questions(self) -> list[dict]:
        """Every multiple-choice question on this concept: `choices` first, then `more_choices`."""
        return [self.choices, *self.more_choices] if self.choices else []

    def asked(self, number: int) -> dict:
        """The question asked on attempt `number` (counting from 0): they take turns."""
        questions = self.questions()
        return questions[number % len(questions)] if questions else {}

    def correct_indexes(self, number: int = 0) -> list[int]:
        options = self.asked(number).get("options", [])
        return [i for i, option in enumerate(options) if option.get("correct")]


class QuizAttempt(models.Model):
    """One answered multiple-choice question. Correct means exactly the set of correct options was chosen."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="attempts")
    chosen = models.JSONField(default=list)  # option indexes
    question = models.PositiveSmallIntegerField(default=0)  # which of the concept's questions (Concept.questions)
    correct = models.BooleanField()
    # The model answer had been shown before (an earlier attempt, or the flashcard): practice, not a solve.
    after_reveal = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    @classmethod
    def solving(cls) -> models.QuerySet[QuizAttempt]:
        """The attempts that make a concept solved: correct before the answer was ever shown."""
        return cls.objects.filter(correct=True, after_reveal=False)


class FlashcardReview(models.Model):
    """A user's spaced-repetition state for one concept card (SM-2-lite: the interval doubles on success)."""

    class Rating(models.TextChoices):
        AGAIN = "again", "Again"
        HARD = "hard", "Hard"
        GOOD = "good", "Good"
        EASY = "easy", "Easy"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flashcards")
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="reviews")
    rating = models.CharField(max_length=5, choices=Rating.choices)
    interval_days = models.PositiveIntegerField(default=0)
    due = models.DateTimeField(default=timezone.now, db_index=True)
    reviews = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "concept"], name="one_card_per_user_concept")]

    def rate(self, rating: str, now: dt.datetime | None = None) -> None:
        """Schedule the next review: again → today, hard → same interval, good → double, easy → quadruple."""
        now = now or timezone.now()
        previous = max(self.interval_days, 1)
        interval = {
            self.Rating.AGAIN: 0,
            self.Rating.HARD: previous,
            self.Rating.GOOD: previous * 2 if self.reviews else 1,
            self.Rating.EASY: previous * 4 if self.reviews else 4,
        }[rating]
        self.rating = rating
        self.interval_days = interval
        self.due = now + dt.timedelta(days=interval, minutes=0 if interval else 10)
        self.reviews += 1


class GiveUp(models.Model):
    """A recorded, deliberate give-up: it unlocks a problem's editorial and reference solution."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="give_ups")
    problem = models.ForeignKey("judge.Problem", on_delete=models.CASCADE, related_name="give_ups")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "problem"], name="one_give_up_per_problem")]
