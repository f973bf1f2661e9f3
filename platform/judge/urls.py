from django.urls import path

from judge import drafts, guide, sample_files, views

urlpatterns = [
    path("", views.problem_list, name="problem-list"),
    path("problems/<slug:slug>/", views.problem_detail, name="problem-detail"),
    path("problems/<slug:slug>/submit/", views.submit, name="submit"),
    path("problems/<slug:slug>/give-up/", views.give_up, name="give-up"),
    path("problems/<slug:slug>/draft/", drafts.save_draft, name="save-draft"),
    path("problems/<slug:slug>/leaderboard/", views.leaderboard, name="leaderboard"),
    path("problems/<slug:slug>/samples/<slug:name>.safetensors", sample_files.sample_values, name="sample-values"),
    path("submissions/", views.history, name="history"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission-detail"),
    path("submissions/<int:pk>/status.json", views.submission_status, name="submission-status"),
    path("profile/", views.profile, name="profile"),
    path("scoring/", guide.scoring_page, name="scoring"),
    path("accounts/signup/", views.signup, name="signup"),
]
