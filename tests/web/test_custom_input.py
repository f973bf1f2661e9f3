"""Custom input on the page and in the API: parsed and checked before anything is queued, limited like a Run,
and its result shown like a sample's (input, expected beside actual) without counting as a sample."""

from __future__ import annotations

import pytest
from django.test import override_settings

from judge.models import Submission
from judge.models import TestResult as ResultRow  # not collected as a test class
from tests.web.conftest import make_submission

pytestmark = pytest.mark.django_db(transaction=True)
URL = "/problems/stable-softmax/submit/"
JSON = {"HTTP_ACCEPT": "application/json"}


def test_the_page_offers_the_first_samples_parameters(alice_client, problems):
    page = alice_client.get("/problems/stable-softmax/").content.decode()
    assert 'name="custom_input"' in page and "{&#x27;shape&#x27;: [1, 5], &#x27;scale&#x27;: 1.0}" in page
    assert 'value="custom"' in page


def test_a_custom_run_is_queued_with_its_parameters(alice_client, problems, no_queue):
    response = alice_client.post(URL, {"code": "x = 1\n", "mode": "custom",
                                       "custom_input": "{'shape': [2, 3], 'scale': 2.0}"}, **JSON)
    assert response.status_code == 201, response.content
    submission = Submission.objects.get()
    assert submission.mode == "run" and submission.custom_input == {"shape": [2, 3], "scale": 2.0}
    assert no_queue == [submission.pk] and response.json()["submission"]["custom_input"] == submission.custom_input
    # Run and Submit ignore the box's text
    alice_client.post(URL, {"code": "x = 1\n", "mode": "run", "custom_input": "{'shape': [2, 3]}"}, **JSON)
    assert Submission.objects.latest("pk").custom_input is None


@pytest.mark.parametrize(("text", "reason"), [
    ("{'shape': [2, 3]", "not a Python literal"),
    ("{'shape': [2, 3], 'n': 4}", "unknown parameter(s) &#x27;n&#x27;"),
    ("{'shape': [4096, 4096]}", "larger than this problem"),
])
def test_bad_custom_input_is_a_clear_error_and_queues_nothing(alice_client, problems, no_queue, text, reason):
    form = alice_client.post(URL, {"code": "x = 1\n", "mode": "custom", "custom_input": text})
    assert form.status_code == 400 and reason in form.content.decode()
    assert text.replace("'", "&#x27;") in form.content.decode()  # the user's text is kept in the box
    script = alice_client.post(URL, {"code": "x = 1\n", "mode": "custom", "custom_input": text}, **JSON)
    assert script.status_code == 400 and script.json()["error"].startswith("Custom input: ")
    assert not Submission.objects.exists() and no_queue == []


@override_settings(TJ_RUN_RATE="2/min")
def test_custom_runs_count_as_runs(alice_client, problems):
    post = lambda mode: alice_client.post(URL, {"code": "x", "mode": mode, "custom_input": "{'shape': [2]}"})  # noqa: E731
    assert [post("run").status_code, post("custom").status_code] == [302, 302]
    limited = post("custom")
    assert limited.status_code == 429 and "Runs are limited to 2/min" in limited.content.decode()


def test_the_custom_case_is_shown_like_a_sample_and_labelled(alice_client, alice, problems):
    submission = make_submission(alice, mode="run", verdict="WA", hidden_leak=False,
                                 custom_input={"shape": [2, 3]})
    ResultRow.objects.create(
        submission=submission, index=2, name="custom input", kind="custom", verdict="WA", message="max abs error 1.2",
        details={"details": {"input": "{'x': tensor([[0.1, 0.2, 0.3]])}", "expected": "tensor([[0.3006]])",
                             "actual": "tensor([[0.1]])"}})
    body = alice_client.get(f"/submissions/{submission.pk}/status.json").json()
    assert body["label"] == "Wrong Answer (samples: 0/1 passed, custom input WA)"
    custom = body["results"][-1]
    assert custom["kind"] == "custom" and custom["details"]["expected"] == "tensor([[0.3006]])"
    assert custom["details"]["actual"] == "tensor([[0.1]])"
    page = alice_client.get(f"/submissions/{submission.pk}/").content.decode()
    assert "Run · samples and custom input" in page
    assert '<dl class="expected"><dt>Expected output</dt><dd><pre>tensor([[0.3006]])' in page
