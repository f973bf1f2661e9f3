"""Drafts on the server: the editor's code (saved, debounced, by problem.js) and how many hints are shown,
per user and problem, so a second browser or a new laptop picks up where the first left off."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from judge.models import Draft, Problem
from judge.validators import validate_code


def remember_hints(user: object, problem: Problem, shown: int, before: int | None = None) -> int:
    """Record that `shown` hints are revealed (never fewer than before); returns how many are revealed now.
    `before` is how many were recorded, when the caller has already read it (the problem page has)."""
    if not getattr(user, "is_authenticated", False):
        return shown
    if before is None:
        before = Draft.objects.filter(user=user, problem=problem).values_list("hints_shown", flat=True).first() or 0
    if shown > before:  # a write only when more hints are revealed, never on a plain page view
        Draft.objects.update_or_create(user=user, problem=problem, defaults={"hints_shown": shown})
    return max(shown, before)


@login_required
@require_POST
def save_draft(request: HttpRequest, slug: str) -> JsonResponse:
    """POST `code` (and/or `hints`, the number revealed). Oversized code is refused, the saved draft kept."""
    problem = get_object_or_404(Problem.open_to(request.user), slug=slug)
    updates = {}
    if "code" in request.POST:
        try:
            updates["code"] = validate_code(request.POST["code"])
        except ValidationError as exc:
            return JsonResponse({"error": " ".join(exc.messages)}, status=400)
    draft, _ = Draft.objects.update_or_create(user=request.user, problem=problem, defaults=updates)
    if request.POST.get("hints", "").isdigit():
        remember_hints(request.user, problem, min(int(request.POST["hints"]), len(problem.package().hints)))
    return JsonResponse({"saved_at": draft.updated_at.isoformat()})
