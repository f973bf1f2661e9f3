from django.urls import path

from practice import views

urlpatterns = [
    path("concepts/<slug:slug>/", views.quiz, name="concept-quiz"),
    path("flashcards/", views.flashcards, name="flashcards"),
    path("flashcards/<slug:slug>/rate/", views.rate_card, name="rate-card"),
]
