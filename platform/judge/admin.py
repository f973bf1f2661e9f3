from django.contrib import admin

from judge.models import Problem, ProblemVersion, Submission, TestResult


class VersionInline(admin.TabularInline):
    model = ProblemVersion
    fields = ("version", "created_at")
    readonly_fields = ("version", "created_at")
    extra = 0
    can_delete = False


@admin.register(Problem)
class ProblemAdmin(admin.ModelAdmin):
    list_display = ("slug", "title", "kind", "difficulty", "gpu", "is_public", "live_version")
    list_filter = ("kind", "difficulty", "gpu", "is_public")
    search_fields = ("slug", "title")
    inlines = [VersionInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "live_version" and request.resolver_match.kwargs.get("object_id"):
            kwargs["queryset"] = ProblemVersion.objects.filter(problem_id=request.resolver_match.kwargs["object_id"])
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ResultInline(admin.TabularInline):
    model = TestResult
    fields = ("index", "name", "kind", "verdict", "time_ms", "message")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ("id", "problem", "user", "mode", "status", "verdict", "score", "speedup", "attempts", "created_at")
    list_filter = ("status", "verdict", "mode", "hardware")
    search_fields = ("problem__slug", "user__username")
    readonly_fields = [f.name for f in Submission._meta.fields]
    inlines = [ResultInline]
