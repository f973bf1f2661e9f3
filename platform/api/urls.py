from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token

from api import concepts, views

urlpatterns = [
    path("token/", obtain_auth_token, name="api-token"),
    path("problems/", views.ProblemList.as_view(), name="api-problem-list"),
    path("problems/<slug:slug>/", views.ProblemDetail.as_view(), name="api-problem-detail"),
    path("problems/<slug:slug>/hints/<int:number>/", views.ProblemHint.as_view(), name="api-problem-hint"),
    path("concepts/", concepts.ConceptList.as_view(), name="api-concept-list"),
    path("concepts/<slug:slug>/", concepts.ConceptDetail.as_view(), name="api-concept-detail"),
    path("concepts/<slug:slug>/answer/", concepts.ConceptAnswer.as_view(), name="api-concept-answer"),
    path("submissions/", views.SubmissionListCreate.as_view(), name="api-submission-list"),
    path("submissions/<int:pk>/", views.SubmissionDetail.as_view(), name="api-submission-detail"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]
