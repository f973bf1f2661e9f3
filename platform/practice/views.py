"""Concept practice pages: a graded multiple-choice quiz per concept, and self-rated flashcards."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from judge.models import Problem
from judge.rendering import render_markdown
from practice.models import Concept, FlashcardReview
from practice.quiz import answer, shown_order


def _related(concept: Concept) -> list[Problem]:
    return list(Problem.visible().filter(slug__in=concept.related).only("slug", "title"))


def quiz(request: HttpRequest, slug: str) -> HttpResponse:
    """GET: the question, options shuffled. POST (logged in): grade the chosen options, record it, show every
    rationale in the same order (practice.quiz.answer has the rules)."""
    concept = get_object_or_404(Concept, slug=slug, is_active=True)
    context = {"concept": concept, "question": render_markdown(concept.question), "related": _related(concept),
               "answer": render_markdown(concept.answer), "explanation": render_markdown(concept.explanation)}
    number, asked, order = shown_order(request.user, concept)
    context.update(asked=asked, number=number + 1, of=len(concept.questions()))
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            chosen = [int(i) for i in request.POST.getlist("option")]
        except ValueError:
            chosen = []
        attempt, judged = answer(request.user, concept, chosen)
        context.update(graded=True, correct=attempt.correct, after_reveal=attempt.after_reveal, options=judged,
                       score=sum(o["right"] for o in judged), out_of=len(judged))
    else:
        context["options"] = [{"text": asked["options"][i]["text"], "index": i} for i in order]
    return render(request, "practice/quiz.html", context)


@login_required
def flashcards(request: HttpRequest) -> HttpResponse:
    """The next card due: never-seen concepts first, then reviews whose due date has passed."""
    now = timezone.now()
    seen = FlashcardReview.objects.filter(user=request.user)
    card = Concept.objects.filter(is_active=True).exclude(reviews__user=request.user).order_by("?").first()
    if card is None:
        review = seen.filter(due__lte=now, concept__is_active=True).select_related("concept").order_by("due").first()
        card = review.concept if review else None
    upcoming = seen.filter(Q(due__gt=now)).order_by("due").first()
    context = {"card": card, "upcoming": upcoming, "due_count": seen.filter(due__lte=now).count(),
               "ratings": FlashcardReview.Rating.choices}
    if card:
        context.update(question=render_markdown(card.question), answer=render_markdown(card.answer),
                       key_points=card.key_points)
    return render(request, "practice/flashcards.html", context)


@login_required
@require_POST
def rate_card(request: HttpRequest, slug: str) -> HttpResponse:
    concept = get_object_or_404(Concept, slug=slug, is_active=True)
    rating = request.POST.get("rating", "")
    if rating not in FlashcardReview.Rating.values:
        return redirect("flashcards")
    review, _ = FlashcardReview.objects.get_or_create(user=request.user, concept=concept,
                                                      defaults={"rating": rating})
    review.rate(rating)
    review.save()
    return redirect("flashcards")
