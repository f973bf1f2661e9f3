"""Pages: thin views over the models. Grading happens in the worker; views only queue and read.

Visibility rule for everything a page or JSON shows about a submission: `judge.payloads.submission_payload`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from graders.custom_input import example as custom_example
from graders.topics import DIFFICULTIES, TOPICS
from judge.drafts import remember_hints
from judge.forms import ProblemFilterForm, SignupForm, SubmissionForm
from judge.leaderboard import leaderboard_entries
from judge.models import Problem, ProblemVersion, Submission
from judge.payloads import submission_payload
from judge.preview import page_version
from judge.problem_list import filter_fields, problem_rows
from judge.progress import Progress, progress, recent_submissions
from judge.ratelimit import check_and_count
from judge.rendering import render_markdown
from judge.sample_files import download_url
from judge.sample_previews import request_preview
from judge.tasks import enqueue
from practice.models import Concept, GiveUp, QuizAttempt


def accepted(user: Any) -> QuerySet[Submission]:
    """A user's Accepted full submissions: what "solved" means everywhere."""
    return Submission.objects.filter(user=user, verdict=Submission.Verdict.AC, mode=Submission.Mode.SUBMIT)


def problem_list(request: HttpRequest) -> HttpResponse:
    form = ProblemFilterForm(request.GET or None, authenticated=request.user.is_authenticated)
    filters = form.cleaned_data if form.is_valid() else {}
    rows, count = problem_rows(request.user, {k: v or "" for k, v in filters.items()})
    return render(request, "judge/problem_list.html", {
        "rows": rows, "count": count, "filters": filter_fields(request.GET, request.user.is_authenticated)})


def _problem_context(request: HttpRequest, problem: Problem, form: SubmissionForm, mine: Progress,
                     version: ProblemVersion | None = None, banner: str = "") -> dict[str, Any]:
    shown_version = version or problem.live_version
    package = shown_version.package()
    user = request.user
    try:
        shown = max(0, min(len(package.hints), int(request.GET.get("hints", 0))))
    except ValueError:
        shown = 0
    shown = remember_hints(user, problem, shown, before=mine.hints_shown)  # they stay revealed, in any browser
    solved, gave_up = mine.solved, mine.gave_up
    unlocked = solved or gave_up
    recent = recent_submissions(user, problem, shown_version)
    return {
        "problem": problem, "package": package, "statement": render_markdown(package.statement), "form": form,
        "samples": [{"name": t.name, "arguments": (shown_version.sample_arguments or {}).get(t.name, ""),
                     "download": download_url(problem, t.name) if shown_version.is_live else None}
                    for t in package.test_cases("sample")],
        "hints": list(package.hints), "hints_shown": shown, "solved": solved, "gave_up": gave_up,
        "unlocked": unlocked, "recent": recent, "payload": submission_payload(recent[0]) if recent else None,
        "last_code": recent[0].code if recent else "",
        "editorial": render_markdown(package.editorial) if unlocked and package.editorial else "",
        "reference": package.reference if unlocked else "",
        "preview_banner": banner, "can_submit": version is None or version.is_live,
    }


def problem_detail(request: HttpRequest, slug: str) -> HttpResponse:
    problem, version, banner = page_version(request, slug)  # staff may preview hidden problems and drafts
    request_preview(version)  # the samples' arguments, worked out once per version by the worker
    mine = progress(request.user, problem)
    form = SubmissionForm(initial={"code": mine.draft_code or version.package().starter,
                                   "custom_input": custom_example(version.package())})
    return render(request, "judge/problem_detail.html",
                  _problem_context(request, problem, form, mine, version, banner))


@login_required
@require_POST
def submit(request: HttpRequest, slug: str) -> HttpResponse:
    """Queue a Run or Submit. The problem page's script asks for JSON and shows the results beside the editor;
    without it the form redirects to the submission's page."""
    problem = get_object_or_404(Problem.open_to(request.user).select_related("live_version"), slug=slug)
    form = SubmissionForm(request.POST, package=problem.package())
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    if form.is_valid():
        limited = check_and_count(request.user.pk, form.cleaned_data["mode"])
        if limited is None:
            submission = Submission.objects.create(
                user=request.user, problem=problem, version=problem.live_version,
                code=form.cleaned_data["code"], mode=form.cleaned_data["mode"],
                custom_input=form.cleaned_data["custom_input"],
            )
            enqueue(submission)
            if wants_json:
                return JsonResponse({"submission": submission_payload(submission),
                                     "status_url": reverse("submission-status", args=[submission.pk])}, status=201)
            return redirect("submission-detail", pk=submission.pk)
        form.add_error(None, limited)
        status = 429
    else:
        status = 400
    if wants_json:
        return JsonResponse({"error": " ".join(e for errors in form.errors.values() for e in errors)}, status=status)
    return render(request, "judge/problem_detail.html",
                  _problem_context(request, problem, form, progress(request.user, problem)), status=status)


@login_required
@require_POST
def give_up(request: HttpRequest, slug: str) -> HttpResponse:
    """Record the give-up (it is shown on the profile), then reveal the editorial and reference."""
    problem = get_object_or_404(Problem.open_to(request.user), slug=slug)
    GiveUp.objects.get_or_create(user=request.user, problem=problem)
    messages.info(request, "The editorial and reference solution are now shown below.")
    return redirect(reverse("problem-detail", args=[slug]) + "#solution")


def _visible_submission(request: HttpRequest, pk: int) -> Submission:
    submission = get_object_or_404(Submission.objects.select_related("problem", "version")
                                   .defer("version__files")  # the package is cached per version
                                   .prefetch_related("results"), pk=pk)  # read thrice by the payload
    if not submission.can_see(request.user):
        raise Http404
    return submission


@login_required
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _visible_submission(request, pk)
    return render(request, "judge/submission_detail.html",
                  {"submission": submission, "payload": submission_payload(submission)})


@login_required
def submission_status(request: HttpRequest, pk: int) -> JsonResponse:
    return JsonResponse(submission_payload(_visible_submission(request, pk)))


@login_required
def history(request: HttpRequest) -> HttpResponse:
    gave_up_before = GiveUp.objects.filter(user=OuterRef("user"), problem=OuterRef("problem"),
                                           created_at__lt=OuterRef("created_at"))
    submissions = (Submission.objects.filter(user=request.user).select_related("problem", "version")
                   .prefetch_related("results").annotate(after_solution=Exists(gave_up_before)))
    slug = request.GET.get("problem", "")
    if slug:
        submissions = submissions.filter(problem__slug=slug)
    page = Paginator(submissions, 20).get_page(request.GET.get("page"))
    return render(request, "judge/history.html", {"page": page, "problem_slug": slug})


def leaderboard(request: HttpRequest, slug: str) -> HttpResponse:
    problem = get_object_or_404(Problem.visible(), slug=slug)
    return render(request, "judge/leaderboard.html", {"problem": problem, "boards": leaderboard_entries(problem)})


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """Progress by topic and by difficulty: solved over available, coding and concepts together."""
    user = request.user
    solved_problems = set(accepted(user).values_list("problem_id", flat=True))
    solved_concepts = set(QuizAttempt.solving().filter(user=user).values_list("concept_id", flat=True))
    items = [(p.topics, p.difficulty, p.pk in solved_problems) for p in Problem.visible().only("topics", "difficulty")]
    items += [(c.topics, c.difficulty, c.pk in solved_concepts)
              for c in Concept.objects.filter(is_active=True).only("topics", "difficulty")]
    by_topic: dict[str, list[int]] = {}
    by_difficulty = {d: [0, 0] for d in DIFFICULTIES}
    for topics, difficulty, done in items:
        for topic in topics:
            by_topic.setdefault(topic, [0, 0])
            by_topic[topic][0] += done
            by_topic[topic][1] += 1
        by_difficulty.setdefault(difficulty, [0, 0])
        by_difficulty[difficulty][0] += done
        by_difficulty[difficulty][1] += 1

    def table(counts: dict[str, list[int]], names: dict[str, str]) -> list[dict[str, Any]]:
        return [{"key": k, "name": names.get(k, k), "solved": s, "total": t, "percent": round(100 * s / t) if t else 0}
                for k, (s, t) in counts.items() if t]

    return render(request, "judge/profile.html", {
        "topics": sorted(table(by_topic, TOPICS), key=lambda r: r["name"]),
        "difficulties": table(by_difficulty, {d: d.title() for d in DIFFICULTIES}),
        "solved_count": len(solved_problems), "concepts_count": len(solved_concepts),
        "submission_count": Submission.objects.filter(user=user).count(),
        "give_ups": GiveUp.objects.filter(user=user).select_related("problem"),
    })


def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.username}! Pick a problem to start.")
        return redirect("problem-list")
    return render(request, "registration/signup.html", {"form": form})
