"""Hidden tests' data never reaches the client, even if a row for a hidden test carries details."""

from __future__ import annotations

import json

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.web.conftest import HIDDEN_KIND, SECRET_EXPECTED, SECRET_INPUT, SECRET_MESSAGE, make_submission

pytestmark = pytest.mark.django_db(transaction=True)
SECRETS = (SECRET_INPUT, SECRET_EXPECTED, SECRET_MESSAGE, "HIDDEN-")


def test_hidden_details_absent_everywhere(alice_client, alice, problems):
    submission = make_submission(alice, verdict="WA")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=alice).key}")
    pages = [
        alice_client.get(f"/submissions/{submission.pk}/"),
        alice_client.get(f"/submissions/{submission.pk}/status.json"),
        alice_client.get("/submissions/"),
        alice_client.get("/problems/stable-softmax/"),
        alice_client.get("/problems/stable-softmax/leaderboard/"),
        alice_client.get("/profile/"),
        api.get(f"/api/submissions/{submission.pk}/"),
    ]
    for response in pages:
        assert response.status_code == 200
        body = response.content.decode()
        for secret in SECRETS:
            assert secret not in body, (response.request["PATH_INFO"], secret)
    payload = json.loads(pages[1].content)
    hidden = next(r for r in payload["results"] if r["kind"] == "hidden")
    assert hidden == {"index": 1, "name": "huge-logits", "kind": "hidden", "verdict": "WA", "message": HIDDEN_KIND,
                      "time_ms": None, "details": None}


def test_hidden_failures_say_their_kind_without_data(alice_client, alice, problems):
    """A Runtime Error's message is written by the submission (it could print the hidden input): only its type."""
    submission = make_submission(alice, verdict="RE", hidden_leak=False)
    submission.results.create(index=1, name="big", kind="hidden", verdict="RE", message=f"ValueError: {SECRET_INPUT}")
    submission.results.create(index=2, name="nan", kind="hidden", verdict="WA", message="out: NaN/Inf positions differ")
    page = alice_client.get(f"/submissions/{submission.pk}/").content.decode()
    assert SECRET_INPUT not in page and "HIDDEN-" not in page
    status = alice_client.get(f"/submissions/{submission.pk}/status.json").json()
    rows = {r["name"]: r["message"] for r in status["results"]}
    assert rows["big"] == "ValueError" and rows["nan"] == "out: NaN/Inf positions differ"
    assert "NaN/Inf positions differ" in page


def test_sample_failure_details_shown(alice_client, alice, problems):
    submission = make_submission(alice, mode="run", hidden_leak=False)
    body = alice_client.get(f"/submissions/{submission.pk}/").content.decode()
    for text in ("tensor([[1., 2., 3.]])", "tensor([[0.0900, 0.2447, 0.6652]])", "max abs error 0.8",
                 "hello from print", "Expected output", "Your output"):
        assert text in body


def test_other_users_cannot_see_a_submission(client, alice, problems, django_user_model):
    submission = make_submission(alice)
    client.force_login(django_user_model.objects.create_user("mallory", password="x-very-secret-1"))
    assert client.get(f"/submissions/{submission.pk}/").status_code == 404
    assert client.get(f"/submissions/{submission.pk}/status.json").status_code == 404


def test_sample_arguments_as_the_function_receives_them(alice_client, alice, problems, previews):
    """The worker's preview of a version's samples replaces the generator's inputs wherever a sample shows."""
    from api.serializers import ProblemDetailSerializer
    from graders.cli import PROBLEMS
    from judge.models import Problem
    from judge.sync import sync_problems

    assert not sync_problems(PROBLEMS, ["bert-sequence-classification-head"]).errors
    bert = Problem.objects.select_related("live_version").get(slug="bert-sequence-classification-head")
    alice_client.get("/problems/bert-sequence-classification-head/")
    assert previews == [bert.live_version.pk]  # a problem with a driver is previewed, asked for once...
    alice_client.get("/problems/bert-sequence-classification-head/")
    assert previews == [bert.live_version.pk]  # ...not on every view
    alice_client.get("/problems/stable-softmax/")
    problem = Problem.objects.select_related("live_version").get(slug="stable-softmax")
    assert problem.live_version.sample_arguments == {} and len(previews) == 1  # no driver: nothing to preview
    problem.live_version.sample_arguments = {"row": "x = tensor([[1., 2., 3.]])\ndim = -1"}
    problem.live_version.save()
    page = alice_client.get("/problems/stable-softmax/").content.decode()
    assert 'data-testid="sample-arguments">x = tensor([[1., 2., 3.]])\ndim = -1</pre>' in page
    submission = make_submission(alice, mode="run", hidden_leak=False)
    row = alice_client.get(f"/submissions/{submission.pk}/status.json").json()["results"][0]
    assert row["details"]["input"] == "x = tensor([[1., 2., 3.]])\ndim = -1"
    samples = ProblemDetailSerializer(Problem.objects.get(slug="stable-softmax")).data["samples"]
    assert samples[0]["arguments"] == "x = tensor([[1., 2., 3.]])\ndim = -1" and samples[1]["arguments"] is None
