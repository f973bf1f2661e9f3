from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("", include("judge.urls")),  # before auth's urls: signup lives under accounts/ too
    path("accounts/", include("django.contrib.auth.urls")),
    path("practice/", include("practice.urls")),
]

handler400 = "torchjudge.errors.bad_request"
handler403 = "torchjudge.errors.permission_denied"
handler404 = "torchjudge.errors.page_not_found"
handler500 = "torchjudge.errors.server_error"
