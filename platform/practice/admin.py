from django.contrib import admin

from practice.models import Concept, FlashcardReview, GiveUp, QuizAttempt

admin.site.register(Concept, list_display=["slug", "title", "difficulty", "is_active"], search_fields=["slug"])
admin.site.register(QuizAttempt, list_display=["user", "concept", "correct", "created_at"])
admin.site.register(FlashcardReview, list_display=["user", "concept", "rating", "due"])
admin.site.register(GiveUp, list_display=["user", "problem", "created_at"])
