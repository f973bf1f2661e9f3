"""Error responses: the site's own pages for people, JSON for the API, never Django's debug pages.

The handlers are wired in urls.py; `RequestGuardMiddleware` turns two kinds of bad request into those
responses before any view runs: a body over DATA_UPLOAD_MAX_MEMORY_SIZE (413) and a web form whose bytes
are not UTF-8 (400; Django would otherwise replace them silently with U+FFFD and store the damage).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import get_template

TITLES = {400: "Bad request", 403: "Forbidden", 404: "Page not found", 413: "Request too large",
          500: "Server error"}


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def error_response(request: HttpRequest, status: int, detail: str) -> HttpResponse:
    """JSON `{"detail": ...}` under /api/ (as DRF answers its own errors), else the site's error page."""
    if is_api(request):
        return JsonResponse({"detail": detail}, status=status)
    return render(request, "errors/page.html", {"status": status, "title": TITLES[status], "detail": detail},
                  status=status)


def too_large_detail() -> str:
    limit_kib = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
    return f"The request body is larger than the {limit_kib} KiB this site accepts."


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if isinstance(exception, RequestDataTooBig):  # a body without Content-Length, found too big while read
        return error_response(request, 413, too_large_detail())
    return error_response(request, 400, "The request could not be understood.")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 403, "You do not have permission to see this page.")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return error_response(request, 403, "The form's security token was missing or expired. Go back, reload "
                                        "the page and send it again; your code draft is kept in this browser.")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    detail = "No such API endpoint; see /api/docs/." if is_api(request) else "There is no page at this address."
    return error_response(request, 404, detail)


def server_error(request: HttpRequest) -> HttpResponse:
    """No request context: the failure may be the database, which the session and user lookups need."""
    if is_api(request):
        return JsonResponse({"detail": "Server error; it has been logged."}, status=500)
    return HttpResponse(get_template("errors/500.html").render(), status=500)


def is_utf8_form(body: bytes) -> bool:
    """Whether a urlencoded body, and every %-escaped value in it, is valid UTF-8."""
    try:
        parse_qsl(body.decode("utf-8"), keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        return False
    return True


class RequestGuardMiddleware:
    """Reject oversized bodies (from Content-Length) and non-UTF-8 web forms before a view reads them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and length > limit:
            return error_response(request, 413, too_large_detail())
        form = request.content_type == "application/x-www-form-urlencoded"
        charset = (request.content_params.get("charset") or "utf-8").lower().replace("_", "-")
        if request.method == "POST" and form and charset in ("utf-8", "utf8") and not is_utf8_form(request.body):
            return error_response(request, 400, "The form data is not valid UTF-8 text, so nothing was saved. "
                                                "Go back and send it again as UTF-8 (your draft is kept).")
        return self.get_response(request)
