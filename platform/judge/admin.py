"""The judge's admin: problems and their versions (authoring, validation, publishing), submissions, rejudges.

The extra pages live in admin_views.py; this module registers models and wires those pages in. List pages
are built for 100k submissions: related rows are selected in the same query, no full COUNT(*), indexed
filters (see Submission.Meta.indexes), and the user filter is a text box rather than a list of every user.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from judge import admin_views
from judge.models import Problem, ProblemVersion, Rejudge, RejudgeItem, Submission, TestResult
from judge.rejudge import rejudge_failed, rejudge_selected


def rounded(value: float | None, digits: int = 2, suffix: str = "") -> str:
    return "–" if value is None else f"{value:.{digits}f}{suffix}"


def code_block(text: str) -> str:
    """Code as written: monospace, indentation kept, long lines scroll."""
    return format_html('<pre class="tj-pre">{}</pre>', text)


class VersionInline(admin.TabularInline):
    model = ProblemVersion
    fields = ("link", "created_at", "created_by", "made_live_at", "made_live_by", "state")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a new version is a saved draft or an import, never an empty row

    def get_queryset(self, request: HttpRequest) -> QuerySet[ProblemVersion]:
        return super().get_queryset(request).select_related("problem", "created_by", "made_live_by")

    @admin.display(description="version")
    def link(self, version: ProblemVersion) -> str:
        return format_html('<a href="{}">{}</a>', admin_views.version_url(version), version.version)

    @admin.display(description="state")
    def state(self, version: ProblemVersion) -> str:
        return version_state(version)


def version_state(version: ProblemVersion) -> str:
    run = version.latest_validation()
    validation = f"validation {run.status}" if run else "not validated"
    live = "LIVE" if version.is_live else "was live" if version.made_live_at else "draft"
    return f"{live} · {validation}"


@admin.register(Problem)
class ProblemAdmin(admin.ModelAdmin):
    list_display = ("slug", "title", "kind", "difficulty", "gpu", "is_public", "live")
    list_filter = ("kind", "difficulty", "gpu", "is_public")
    list_select_related = ("live_version",)
    search_fields = ("slug", "title")
    inlines = [VersionInline]
    actions = ["rejudge_internal_errors"]
    change_form_template = "admin/judge/problem/change_form.html"
    change_list_template = "admin/judge/problem/change_list.html"

    def get_inlines(self, request: HttpRequest, obj: Problem | None) -> list:
        return self.inlines if obj else []  # a new problem has no versions yet: its first is a draft

    def get_fields(self, request: HttpRequest, obj: Problem | None = None) -> tuple[str, ...]:
        if obj is None:
            return ("slug", "title", "kind", "difficulty", "is_public")
        return ("slug", "title", "kind", "difficulty", "topics", "gpu", "is_public", "live_version")

    def get_readonly_fields(self, request: HttpRequest, obj: Problem | None = None) -> tuple[str, ...]:
        # The package is the source of these: they change when a version is made live.
        return ("slug", "title", "kind", "difficulty", "topics", "gpu", "live_version") if obj else ()

    @admin.display(description="live version", ordering="live_version__created_at")
    def live(self, problem: Problem) -> str:
        return problem.live_version.version if problem.live_version else "–"

    def response_add(self, request: HttpRequest, obj: Problem, post_url_continue: str | None = None) -> HttpResponse:
        messages.info(request, "Now write its first version: every part of the package is below.")
        return HttpResponseRedirect(reverse("admin:judge_problem_draft", args=[obj.pk]))

    @admin.action(description="Rejudge the Internal Errors of the selected problems (low priority)")
    def rejudge_internal_errors(self, request: HttpRequest, queryset: QuerySet[Problem]) -> None:
        for problem in queryset:
            rejudge = rejudge_failed(request.user, problem)
            self.message_user(request, f"{problem.slug}: rejudge #{rejudge.pk} queued {rejudge.items.count()} "
                              "submission(s)")

    def get_urls(self) -> list:
        view = self.admin_site.admin_view
        return [
            path("import/", view(admin_views.import_package), name="judge_problem_import"),
            path("preview-markdown/", view(admin_views.preview), name="judge_problem_preview_markdown"),
            path("<int:problem_id>/draft/", view(admin_views.draft), name="judge_problem_draft"),
            path("<int:problem_id>/draft/<int:base_id>/", view(admin_views.draft), name="judge_problem_draft_from"),
            path("<int:problem_id>/rejudge-accepted/", view(admin_views.rejudge_problem),
                 name="judge_problem_rejudge_accepted"),
            *super().get_urls(),
        ]


@admin.register(ProblemVersion)
class ProblemVersionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "created_at", "created_by", "made_live_at", "made_live_by", "state")
    list_filter = ("problem",)
    list_select_related = ("problem", "created_by", "made_live_by")
    search_fields = ("problem__slug", "version")
    fields = ("problem", "version", "created_at", "created_by", "made_live_at", "made_live_by", "state", "contents")
    readonly_fields = fields
    change_form_template = "admin/judge/problemversion/change_form.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="state")
    def state(self, version: ProblemVersion) -> str:
        return version_state(version)

    @admin.display(description="files")
    def contents(self, version: ProblemVersion) -> str:
        return format_html_join("", '<h4 class="tj-file">{}</h4>{}',
                                ((name, code_block(version.files[name])) for name in sorted(version.files)))

    def get_urls(self) -> list:
        view = self.admin_site.admin_view
        return [
            path("<int:version_id>/validate/", view(admin_views.validate), name="judge_problemversion_validate"),
            path("<int:version_id>/make-live/", view(admin_views.make_live), name="judge_problemversion_make_live"),
            path("<int:version_id>/export/", view(admin_views.export), name="judge_problemversion_export"),
            path("<int:version_id>/validation/", view(admin_views.validation_results),
                 name="judge_problemversion_validation"),
            *super().get_urls(),
        ]


class ResultInline(admin.TabularInline):
    model = TestResult
    fields = ("index", "name", "kind", "verdict", "time", "message")
    readonly_fields = fields
    extra = 0
    can_delete = False

    @admin.display(description="time")
    def time(self, result: TestResult) -> str:
        return rounded(result.time_ms, 1, " ms")


class UserFilter(admin.SimpleListFilter):
    """A username box: a list of every user would not fit a site with thousands of them."""

    title = "user"
    parameter_name = "user"
    template = "admin/judge/input_filter.html"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("", "")]  # rendered as a text box by the template

    def choices(self, changelist: Any) -> Any:
        """The other filters' values, kept as hidden fields of the box's form."""
        yield {"query_parts": [(k, v) for k, v in changelist.params.items() if k != self.parameter_name]}

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(user__username=self.value()) if self.value() else queryset


class VersionFilter(admin.SimpleListFilter):
    """The versions of the problem chosen in the problem filter (none are listed before one is chosen)."""

    title = "version"
    parameter_name = "version"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        problem = request.GET.get("problem__id__exact")
        if not problem or not problem.isdigit():
            return []
        return [(str(v.pk), v.version) for v in ProblemVersion.objects.filter(problem_id=problem).only("version")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(version_id=self.value()) if self.value() else queryset


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ("id", "problem", "version_short", "user", "mode", "status", "verdict", "score_", "speedup_",
                    "hardware", "created_at")
    list_filter = ("problem", VersionFilter, "verdict", "mode", "status", "hardware", UserFilter)
    list_select_related = ("problem", "user", "version")
    show_full_result_count = False  # a COUNT(*) over every submission on each page view is not worth it
    search_fields = ("=id",)
    actions = ["rejudge"]
    fields = ("problem", "version", "user", "mode", "status", "verdict", "message", "score_", "correctness_",
              "speed_score_", "speedup_", "user_ms_", "ref_ms_", "peak_bytes", "implausible_timing", "hardware",
              "attempts", "created_at", "started_at", "finished_at", "code_")
    readonly_fields = fields
    inlines = [ResultInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="version", ordering="version__created_at")
    def version_short(self, submission: Submission) -> str:
        return submission.version.version[:8]

    @admin.display(description="code")
    def code_(self, submission: Submission) -> str:
        return code_block(submission.code)

    @admin.display(description="score", ordering="score")
    def score_(self, submission: Submission) -> str:
        return rounded(submission.score, 1)

    @admin.display(description="correctness")
    def correctness_(self, submission: Submission) -> str:
        return rounded(submission.correctness, 3)

    @admin.display(description="speed score")
    def speed_score_(self, submission: Submission) -> str:
        return rounded(submission.speed_score, 3)

    @admin.display(description="speedup", ordering="speedup")
    def speedup_(self, submission: Submission) -> str:
        return rounded(submission.speedup, 2, "×")

    @admin.display(description="your time")
    def user_ms_(self, submission: Submission) -> str:
        return rounded(submission.user_ms, 3, " ms")

    @admin.display(description="reference time")
    def ref_ms_(self, submission: Submission) -> str:
        return rounded(submission.ref_ms, 3, " ms")

    @admin.action(description="Rejudge the selected submissions against their own versions (low priority)")
    def rejudge(self, request: HttpRequest, queryset: QuerySet[Submission]) -> HttpResponse:
        rejudge = rejudge_selected(queryset, request.user)
        return HttpResponseRedirect(reverse("admin:judge_rejudge_change", args=[rejudge.pk]))


class RejudgeItemInline(admin.TabularInline):
    model = RejudgeItem
    fields = ("submission_link", "user", "old_verdict", "new_verdict", "changed_", "detail")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[RejudgeItem]:
        return super().get_queryset(request).select_related("submission__user")

    @admin.display(description="submission")
    def submission_link(self, item: RejudgeItem) -> str:
        url = reverse("admin:judge_submission_change", args=[item.submission_id])
        return format_html('<a href="{}">#{}</a>', url, item.submission_id)

    @admin.display(description="user")
    def user(self, item: RejudgeItem) -> str:
        return item.submission.user.username

    @admin.display(description="changed")
    def changed_(self, item: RejudgeItem) -> str:
        return "pending" if not item.new_verdict else "CHANGED" if item.changed else "same"


@admin.register(Rejudge)
class RejudgeAdmin(admin.ModelAdmin):
    """A rejudge's report: every submission's verdict before and after; the changed ones are counted."""

    list_display = ("id", "kind", "problem", "version", "requested_by", "created_at", "progress")
    list_select_related = ("problem", "version", "requested_by")
    fields = ("kind", "problem", "version", "requested_by", "created_at", "progress")
    readonly_fields = fields
    inlines = [RejudgeItemInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="progress")
    def progress(self, rejudge: Rejudge) -> str:
        items = list(rejudge.items.all())
        done = [i for i in items if i.new_verdict]
        changed = sum(i.changed for i in done)
        return f"{len(done)} of {len(items)} graded, {changed} verdict(s) changed"
