"""The form posts `code` and `mode`; a submission is created and queued; anonymous users cannot submit."""

from __future__ import annotations

import pytest
from django.test import override_settings

from judge.models import Submission

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("mode", ["run", "submit"])
def test_post_creates_and_queues(alice_client, problems, no_queue, mode):
    response = alice_client.post("/problems/stable-softmax/submit/", {"code": "x = 1\n", "mode": mode})
    submission = Submission.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/submissions/{submission.pk}/"
    assert (submission.mode, submission.code, no_queue) == (mode, "x = 1\n", [submission.pk])


def test_anonymous_browses_but_cannot_submit(client, problems, no_queue):
    page = client.get("/problems/stable-softmax/")
    assert page.status_code == 200 and b"Log in</a> or" in page.content and b'name="mode"' not in page.content
    response = client.post("/problems/stable-softmax/submit/", {"code": "x = 1", "mode": "submit"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Submission.objects.exists() and not no_queue


@override_settings(TJ_MAX_CODE_BYTES=100)
def test_code_size_cap(alice_client, problems, no_queue):
    response = alice_client.post("/problems/stable-softmax/submit/", {"code": "#" * 101, "mode": "run"})
    assert response.status_code == 400 and b"larger than" in response.content
    assert not Submission.objects.exists()


def test_editor_page_has_fallback_textarea_and_bundle(alice_client, problems):
    body = alice_client.get("/problems/stable-softmax/").content.decode()
    assert '<textarea name="code"' in body and 'data-problem="stable-softmax"' in body
    assert "def softmax" in body  # the starter code
    assert "vendor/editor.bundle.js" in body and "vendor/katex/katex.min.css" in body
    assert 'id="vim-toggle"' in body and 'id="reset-code"' in body


def test_csrf_enforced(client, alice, problems):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    response = strict.post("/problems/stable-softmax/submit/", {"code": "x = 1", "mode": "run"})
    assert response.status_code == 403
