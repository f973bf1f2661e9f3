"""The site's own error pages (never Django's), JSON under /api/, and web forms that must be UTF-8."""

from __future__ import annotations

import pytest
from django.test import override_settings

from judge.models import Submission

pytestmark = pytest.mark.django_db(transaction=True)


def test_not_found_is_the_sites_page(client, problems):
    response = client.get("/problems/no-such-problem/")
    assert response.status_code == 404
    body = response.content.decode()
    assert 'data-testid="error-page"' in body and "Page not found" in body and "Back to the problems" in body


def test_forbidden_csrf_is_the_sites_page(alice, problems, password):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post("/problems/stable-softmax/submit/", {"code": "x = 1", "mode": "run"})
    assert response.status_code == 403
    assert 'data-testid="error-page"' in response.content.decode() and "security token" in response.content.decode()
    assert not Submission.objects.exists()


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10_000)
def test_oversized_form_is_413_page(alice_client, problems, no_queue):
    response = alice_client.post("/problems/stable-softmax/submit/", {"code": "#" * 20_000, "mode": "run"})
    assert response.status_code == 413 and "Request too large" in response.content.decode()
    assert not Submission.objects.exists() and not no_queue


def test_non_utf8_form_is_rejected_not_replaced(alice_client, problems, no_queue):
    body = b"mode=run&code=x%20%3D%20%27caf%E9%27"  # Latin-1 'é' (0xE9): not UTF-8
    response = alice_client.post("/problems/stable-softmax/submit/", body,
                                 content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and "not valid UTF-8" in response.content.decode()
    assert not Submission.objects.exists() and not no_queue
    good = alice_client.post("/problems/stable-softmax/submit/", b"mode=run&code=x%20%3D%20%27caf%C3%A9%27",
                             content_type="application/x-www-form-urlencoded")
    assert good.status_code == 302 and Submission.objects.get().code == "x = 'café'"


def test_server_error_page_needs_no_database(rf):
    from torchjudge.errors import server_error

    response = server_error(rf.get("/problems/"))
    assert response.status_code == 500 and "Server error" in response.content.decode()
    assert server_error(rf.get("/api/problems/"))["Content-Type"] == "application/json"
