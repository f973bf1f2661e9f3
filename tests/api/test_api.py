"""The REST API without a worker: token, problems (public parts only), submissions, visibility, limits."""

from __future__ import annotations

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from judge.models import Submission
from tests.web.conftest import SECRET_INPUT, SECRET_MESSAGE, make_submission

pytestmark = pytest.mark.django_db(transaction=True)


def test_obtain_token(alice, password):
    response = APIClient().post("/api/token/", {"username": "alice", "password": password}, format="json")
    assert response.status_code == 200 and len(response.json()["token"]) == 40
    assert APIClient().post("/api/token/", {"username": "alice", "password": "nope"}).status_code == 400


def test_list_and_detail_are_public_parts_only(problems):
    client = APIClient()
    listing = client.get("/api/problems/").json()
    assert [p["slug"] for p in listing["results"]] == ["stable-softmax"]
    detail = client.get("/api/problems/stable-softmax/").json()
    assert "def softmax" in detail["starter"] and detail["hint_count"] == 3
    assert [s["name"] for s in detail["samples"]] == ["row", "small-batch"]
    text = client.get("/api/problems/stable-softmax/").content.decode()
    for secret in ("torch.where(torch.isfinite", "make_inputs", "huge-logits", "wrong/naive.py", "editorial"):
        assert secret not in text


def test_create_and_get_submission(api, problems, no_queue):
    created = api.post("/api/submissions/", {"problem": "stable-softmax", "code": "x = 1\n", "mode": "run"},
                       format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["status"], body["mode"], body["done"]) == ("queued", "run", False)
    assert no_queue == [body["id"]]
    assert api.get(f"/api/submissions/{body['id']}/").json()["id"] == body["id"]


def test_submission_validation(api, problems):
    assert api.post("/api/submissions/", {"problem": "nope", "code": "x"}, format="json").status_code == 400
    assert api.post("/api/submissions/", {"problem": "stable-softmax", "code": "x", "mode": "fast"},
                    format="json").status_code == 400
    with override_settings(TJ_MAX_CODE_BYTES=10):
        big = api.post("/api/submissions/", {"problem": "stable-softmax", "code": "#" * 11}, format="json")
    assert big.status_code == 400 and "larger than" in big.content.decode()


def test_anonymous_cannot_submit(problems):
    response = APIClient().post("/api/submissions/", {"problem": "stable-softmax", "code": "x"}, format="json")
    assert response.status_code == 401
    assert not Submission.objects.exists()


def test_only_owner_sees_submission(api, alice, problems, django_user_model):
    other = django_user_model.objects.create_user("bob", password="bob-password-123")
    theirs = make_submission(other)
    assert api.get(f"/api/submissions/{theirs.pk}/").status_code == 404


def test_results_hide_hidden_tests(api, alice, problems):
    mine = make_submission(alice)
    body = api.get(f"/api/submissions/{mine.pk}/").content.decode()
    assert SECRET_INPUT not in body and SECRET_MESSAGE not in body
    sample = api.get(f"/api/submissions/{mine.pk}/").json()["results"][0]
    assert sample["details"]["expected"] == "tensor([[0.0900, 0.2447, 0.6652]])"


@override_settings(TJ_SUBMIT_RATE="1/min")
def test_rate_limit(api, problems):
    payload = {"problem": "stable-softmax", "code": "x = 1"}
    assert api.post("/api/submissions/", payload, format="json").status_code == 201
    limited = api.post("/api/submissions/", payload, format="json")
    assert limited.status_code == 429
    assert "Submissions are limited to 1/min" in limited.json()["detail"]


def test_schema_and_docs(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"/api/submissions/" in schema.content
    docs = client.get("/api/docs/")
    assert docs.status_code == 200 and b"swagger-ui" in docs.content
    assert b"cdn" not in docs.content.lower()  # served from drf-spectacular-sidecar's static files


def test_session_post_needs_csrf(alice, problems):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post("/api/submissions/", {"problem": "stable-softmax", "code": "x"}, format="json")
    assert response.status_code == 403


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10_000)
def test_oversized_body_is_json_413(api, problems, no_queue):
    response = api.post("/api/submissions/", {"problem": "stable-softmax", "code": "#" * 20_000}, format="json")
    assert response.status_code == 413 and response["Content-Type"] == "application/json"
    assert "larger than" in response.json()["detail"]
    assert not Submission.objects.exists() and not no_queue


def test_unknown_api_url_is_json_404(api):
    response = api.get("/api/no-such-thing/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert "detail" in response.json()
