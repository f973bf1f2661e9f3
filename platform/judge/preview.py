"""Which problem and version a problem page shows: the live one to everyone, anything to staff (a preview).

Staff see non-public problems and any version (`?version=<id>`, e.g. a draft) on the real page, under a
banner saying what they are looking at; everyone else gets a 404 for what is not public and live.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from judge.models import Problem, ProblemVersion
from judge.problem_list import cached


def _live(slug: str) -> Problem | None:
    """A visible problem with its live version, ready for its page."""
    problem = (Problem.visible().select_related("live_version").defer("live_version__files")
               .filter(slug=slug).first())  # the package is kept per process
    if problem is not None:
        problem.live_version.problem = problem  # `is_live` reads it: without this, one more query a view
    return problem


def page_version(request: HttpRequest, slug: str) -> tuple[Problem, ProblemVersion, str]:
    """(problem, version shown, banner); the banner is empty for the public view of a live version."""
    if not request.user.is_staff:
        # Kept per process until the bank changes, like the problem list. A version still waiting for its sample
        # arguments is read afresh: the worker writes them, and its bump of the generation reaches this process
        # only when both name the database alike (the cache's keys carry its identity; the test suite's workers,
        # given the test database by its own name, do not).
        problem = cached("problem-page", slug, lambda: _live(slug))
        if problem is None or problem.live_version.sample_arguments is None:
            problem = _live(slug)
        if problem is None:
            raise Http404("no such problem")
        return problem, problem.live_version, ""
    problem = get_object_or_404(Problem.objects.select_related("live_version"), slug=slug)
    wanted = request.GET.get("version", "")
    if wanted.isdigit():
        version = get_object_or_404(ProblemVersion, pk=int(wanted), problem=problem)
    else:
        version = problem.live_version or problem.versions.order_by("-created_at", "-pk").first()
    if version is None:
        raise Http404("this problem has no version yet")
    version.problem = problem
    if not version.is_live:
        state = "a former live version" if version.made_live_at else "a draft"
        return problem, version, (f"Staff preview of version {version.version}, {state}: users see "
                                  f"{problem.live_version.version if problem.live_version else 'nothing'}.")
    if not problem.is_public:
        return problem, version, "Staff preview: this problem is not public; users cannot see it."
    return problem, version, ""
