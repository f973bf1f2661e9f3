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


def test_a_passing_run_is_not_a_solve(alice_client, alice, problems):
    """A Run reads "Samples passed (2/2)", has no score, and history and the problem page tell it from a Submit."""
    from tests.web.conftest import make_submission

    run = make_submission(alice, mode="run", verdict="AC", hidden_leak=False, score=80.0, correctness=100.0)
    run.results.update(verdict="AC")
    run.results.create(index=1, name="small-batch", kind="sample", verdict="AC")
    submit = make_submission(alice, mode="submit", verdict="AC", hidden_leak=False, score=87.5, correctness=100.0,
                             speed_score=37.5, speedup=0.7)
    status = alice_client.get(f"/submissions/{run.pk}/status.json").json()
    assert status["label"] == "Samples passed (2/2)" and status["score"] is None and status["score_formula"] == ""
    page = alice_client.get(f"/submissions/{run.pk}/").content.decode()
    assert "Samples passed (2/2)" in page and "Accepted" not in page and "not scored" in page
    assert alice_client.get(f"/submissions/{submit.pk}/status.json").json()["score_formula"] == (
        "87.5 = 0.8 × correctness 100 + 0.2 × speed 37.5")
    submit_page = alice_client.get(f"/submissions/{submit.pk}/").content.decode()
    assert "Score 87.5 = 0.8 × correctness 100 + 0.2 × speed 37.5" in submit_page and 'href="/scoring/"' in submit_page
    history = alice_client.get("/submissions/").content.decode()
    assert "Run · samples" in history and "Samples passed (2/2)" in history and "Submit" in history
    assert "score 80.0" not in history and "score 87.5" in history
    problem_page = alice_client.get("/problems/stable-softmax/").content.decode()
    assert "Samples passed (2/2)" in problem_page


def test_scoring_page_explains_the_formula(client):
    body = client.get("/scoring/").content.decode()
    for text in ("80% × correctness + 20% × speed", "log scale", "relative standard error", "geometric mean"):
        assert text in body


def test_script_submit_gets_json_and_stays_on_the_problem(alice_client, problems, no_queue):
    """The problem page's script posts for JSON: the new submission and its status URL, or a readable error."""
    response = alice_client.post("/problems/stable-softmax/submit/", {"code": "x = 1\n", "mode": "run"},
                                 HTTP_ACCEPT="application/json")
    submission = Submission.objects.get()
    body = response.json()
    assert response.status_code == 201 and no_queue == [submission.pk]
    assert body["status_url"] == f"/submissions/{submission.pk}/status.json"
    assert body["submission"]["mode"] == "run" and body["submission"]["status"] == "queued"
    empty = alice_client.post("/problems/stable-softmax/submit/", {"code": "", "mode": "run"},
                              HTTP_ACCEPT="application/json")
    assert empty.status_code == 400 and "required" in empty.json()["error"]
    page = alice_client.get("/problems/stable-softmax/").content.decode()
    assert f'data-status-url="/submissions/{submission.pk}/status.json"' in page and 'id="results"' in page


def test_timing_progress_and_cases_in_the_payload(alice_client, alice, problems):
    from tests.web.conftest import make_submission

    running = make_submission(alice, mode="submit", verdict="", hidden_leak=False, status=Submission.Status.RUNNING,
                              timing={"progress": {"case": "big", "index": 0, "cases": 2, "pairs": 40, "rse": 0.008}})
    assert alice_client.get(f"/submissions/{running.pk}/status.json").json()["progress"] == (
        "timing: 40 pairs (case 1 of 2), ±0.8%")
    done = make_submission(alice, mode="submit", verdict="AC", hidden_leak=False, speedup=1.1, hardware="cpu",
                           timing={"cases": [{"name": "large", "runs": 30, "user_ms": 2.0, "ref_ms": 2.2,
                                              "user_rse": 0.004, "ref_rse": 0.006}]})
    payload = alice_client.get(f"/submissions/{done.pk}/status.json").json()
    assert payload["progress"] == "" and payload["timing_cases"] == [
        {"name": "large", "size": "shape=[512, 4096], scale=3.0", "runs": 30, "user_ms": 2.0, "ref_ms": 2.2,
         "user_noise_pct": 0.4, "ref_noise_pct": 0.6}]
    assert payload["speedup_noise_pct"] == 0.7  # hypot(0.4 %, 0.6 %) from an older harness's medians
    page = alice_client.get(f"/submissions/{done.pk}/").content.decode()
    assert "1.10× ±0.7%" in page
    assert "2.000 ms ±0.4%" in page and '<dd id="hardware" data-testid="hardware">cpu</dd>' in page
