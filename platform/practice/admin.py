from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from judge.rendering import render_markdown
from practice.concept_admin import OPTIONS, ConceptForm
from practice.models import Concept, FlashcardReview, GiveUp, QuizAttempt


@admin.register(Concept)
class ConceptAdmin(admin.ModelAdmin):
    """Concept questions: written and checked like problems/concepts/*.yaml; retired rather than deleted, so
    users' attempts keep their question."""

    form = ConceptForm
    list_display = ("slug", "title", "difficulty", "is_active", "version")
    list_filter = ("is_active", "difficulty")
    search_fields = ("slug", "title")
    readonly_fields = ("preview", "version")
    actions = ["retire", "restore"]
    fieldsets = [
        (None, {"fields": ("slug", "title", "difficulty", "topics", "is_active", "version")}),
        ("Question", {"fields": ("question", "answer", "explanation", "key_points")}),
        ("Multiple choice", {"fields": ("prompt", *[(f"option_{i}_text", f"option_{i}_correct") for i in OPTIONS],
                                        *[f"option_{i}_rationale" for i in OPTIONS])}),
        ("Links", {"fields": ("related", "seed_refs")}),
        ("Preview", {"fields": ("preview",)}),
    ]

    def view_on_site(self, concept: Concept) -> str:
        return reverse("concept-quiz", args=[concept.slug])

    @admin.display(description="as users see it")
    def preview(self, concept: Concept) -> str:
        if not concept.pk:
            return "Shown once the question is saved."
        options = (concept.choices or {}).get("options", [])
        rows = format_html_join("", '<li><strong>{}</strong> {} <em>— {}</em></li>', (
            ("✓" if o["correct"] else "✗", o["text"], o["rationale"]) for o in options))
        prompt = (concept.choices or {}).get("prompt", "")
        return format_html('<div class="markdown" data-testid="concept-preview">{}<p><strong>{}</strong></p>'
                           '<ol>{}</ol><h4>Answer</h4>{}</div>', mark_safe(render_markdown(concept.question)),
                           prompt, rows, mark_safe(render_markdown(concept.answer)))

    @admin.action(description="Retire the selected questions (hidden from users; attempts are kept)")
    def retire(self, request: HttpRequest, queryset: QuerySet[Concept]) -> None:
        self.message_user(request, f"Retired {queryset.update(is_active=False)} question(s).")

    @admin.action(description="Restore the selected questions")
    def restore(self, request: HttpRequest, queryset: QuerySet[Concept]) -> None:
        self.message_user(request, f"Restored {queryset.update(is_active=True)} question(s).")


admin.site.register(QuizAttempt, list_display=["user", "concept", "correct", "created_at"],
                    list_select_related=["user", "concept"])
admin.site.register(FlashcardReview, list_display=["user", "concept", "rating", "due"],
                    list_select_related=["user", "concept"])
admin.site.register(GiveUp, list_display=["user", "problem", "created_at"], list_select_related=["user", "problem"])
