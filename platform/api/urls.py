from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token

from api import views

urlpatterns = [
    path("token/", obtain_auth_token, name="api-token"),
    path("problems/", views.ProblemList.as_view(), name="api-problem-list"),
    path("problems/<slug:slug>/", views.ProblemDetail.as_view(), name="api-problem-detail"),
    path("submissions/", views.SubmissionCreate.as_view(), name="api-submission-create"),
    path("submissions/<int:pk>/", views.SubmissionDetail.as_view(), name="api-submission-detail"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]
