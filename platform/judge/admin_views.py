"""The admin's own pages for problems: edit a draft, validate, make live, export, import, preview Markdown.

Each view is wrapped by `admin.site.admin_view` (staff only, CSRF) in admin.py and only reads, writes rows
or queues work; grading happens on a worker. Changes are written to the admin log (who changed what).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from graders.package import PackageError
from judge import publishing
from judge.authoring import DraftForm, SolutionFormSet, check_draft, initial_data, skeleton
from judge.models import Problem, ProblemVersion
from judge.rejudge import rejudge_accepted
from judge.rendering import render_markdown


def log(request: HttpRequest, obj: Problem | ProblemVersion, message: str, flag: int = CHANGE) -> None:
    """One admin-log line (shown in the object's History): who did what, and when."""
    LogEntry.objects.log_actions(request.user.pk, [obj], flag, change_message=message, single_object=True)


def version_url(version: ProblemVersion) -> str:
    return reverse("admin:judge_problemversion_change", args=[version.pk])


def draft(request: HttpRequest, problem_id: int, base_id: int | None = None) -> HttpResponse:
    """Edit a new draft starting from a version (by default the newest); saving stores a new version."""
    problem = get_object_or_404(Problem, pk=problem_id)
    base = (get_object_or_404(ProblemVersion, pk=base_id, problem=problem) if base_id
            else problem.versions.order_by("-created_at", "-pk").first())
    carried = base.files if base else skeleton(problem.slug, problem.title, problem.kind, problem.difficulty)
    if request.method == "POST":
        form, formset = DraftForm(request.POST), SolutionFormSet(request.POST, prefix="solutions")
        package = check_draft(problem.slug, form, formset, carried)
        if package is not None:
            version = publishing.save_version(problem, package, request.user)
            log(request, version, f"Saved from the draft editor (base {base.version if base else 'new'})", ADDITION)
            messages.success(request, f"Saved version {version.version}. Validate it before making it live.")
            return redirect(version_url(version))
        messages.error(request, "The draft was not saved: fix the fields marked below (nothing you typed is lost).")
    else:
        data, solutions = initial_data(carried)
        form, formset = DraftForm(initial=data), SolutionFormSet(initial=solutions, prefix="solutions")
    context = {**admin.site.each_context(request), "title": f"Draft of {problem.slug}", "problem": problem,
               "base": base, "form": form, "formset": formset, "opts": Problem._meta,
               "preview": render_markdown(form["statement"].value() or "")}
    return render(request, "admin/judge/draft_form.html", context)


@require_POST
def preview(request: HttpRequest) -> HttpResponse:
    """The statement as the problem page renders it (the draft editor's live preview)."""
    return HttpResponse(render_markdown(request.POST.get("text", "")))


@require_POST
def validate(request: HttpRequest, version_id: int) -> HttpResponse:
    version = get_object_or_404(ProblemVersion.objects.select_related("problem"), pk=version_id)
    publishing.queue_validation(version, request.user)
    log(request, version, "Queued a validation")
    messages.info(request, "Validation queued on a worker; results appear below as each solution is graded.")
    return redirect(version_url(version))


@require_POST
def make_live(request: HttpRequest, version_id: int) -> HttpResponse:
    version = get_object_or_404(ProblemVersion.objects.select_related("problem"), pk=version_id)
    try:
        previous = publishing.make_live(version, request.user)
    except publishing.PublishError as exc:
        messages.error(request, str(exc))
        return redirect(version_url(version))
    log(request, version.problem, f"Made version {version.version} live "
        f"(was {previous.version if previous else 'none'})")
    messages.success(request, f"Version {version.version} is live. The previous live version "
                     f"({previous.version if previous else 'none'}) can be made live again to roll back.")
    return redirect(version_url(version))


def validation_results(request: HttpRequest, version_id: int) -> HttpResponse:
    """The latest validation's table, polled by the version page while the worker grades."""
    version = get_object_or_404(ProblemVersion, pk=version_id)
    return render(request, "admin/judge/_validation.html", {"run": version.latest_validation()})


def export(request: HttpRequest, version_id: int) -> HttpResponse:
    version = get_object_or_404(ProblemVersion.objects.select_related("problem"), pk=version_id)
    response = HttpResponse(publishing.export_zip(version), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{version.problem.slug}-{version.version}.zip"'
    return response


def import_package(request: HttpRequest) -> HttpResponse:
    """Upload a zip of a problem folder; it becomes a new draft version (live versions do not change)."""
    errors: list[str] = []
    if request.method == "POST" and request.FILES.get("package"):
        try:
            version = publishing.import_zip(request.FILES["package"].read(), request.user)
        except PackageError as exc:
            errors = exc.errors
        else:
            log(request, version, "Imported from a zip", ADDITION)
            messages.success(request, f"Imported {version}. Validate it before making it live.")
            return redirect(version_url(version))
    elif request.method == "POST":
        errors = ["choose a .zip file to import"]
    context = {**admin.site.each_context(request), "title": "Import a problem from a zip", "errors": errors,
               "opts": Problem._meta}
    return render(request, "admin/judge/import_form.html", context, status=400 if errors else 200)


@require_POST
def rejudge_problem(request: HttpRequest, problem_id: int) -> HttpResponse:
    problem = get_object_or_404(Problem, pk=problem_id)
    try:
        rejudge = rejudge_accepted(problem, request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect(reverse("admin:judge_problem_change", args=[problem.pk]))
    log(request, problem, f"Rejudged Accepted submissions against the live version (rejudge #{rejudge.pk})")
    return redirect(reverse("admin:judge_rejudge_change", args=[rejudge.pk]))
