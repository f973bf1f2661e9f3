"""The issue's Done-when, in a real browser with a real worker grading in the real sandbox.

A new user signs up, filters by topic, opens stable-softmax, Runs a wrong solution and sees the failing
sample's input, expected and actual output; fixes it, Submits with Ctrl+Enter, watches the tests reach
Accepted with a speedup and finds themselves on the leaderboard. A second test answers a concept quiz
(no worker needed) and sees the score and every option's rationale.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from practice.models import Concept
from tests.e2e.conftest import shot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]
WRONG_ON_SAMPLES = "import torch\n\n\ndef softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:\n    return x\n"
GRADING_TIMEOUT = 360_000  # a problem's first page view also queues its sample preview


def replace_code(page, code: str) -> None:
    """Select everything in the CodeMirror editor and type the new code (inserted as text: no auto-indent)."""
    editor = page.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)
    expect(page.locator("#id_code")).to_have_value(code)


def sign_up(page, username: str) -> None:
    page.goto("/accounts/signup/")
    page.locator("input[name='username']").fill(username)
    page.locator("input[name='password1']").fill("apple-gravity-1687")
    page.locator("input[name='password2']").fill("apple-gravity-1687")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_test_id("profile-link")).to_have_text(username)


def test_signup_run_submit_leaderboard(page, problems, celery_worker_process):
    sign_up(page, "newton")

    # Filter by a topic and open the problem.
    page.get_by_label("Topic").select_option("attention")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"topic=attention"))
    expect(page.locator("tr[data-slug='stable-softmax']")).to_be_visible()
    shot(page, "problem-list")
    page.get_by_role("link", name="Numerically stable softmax").click()

    # The editor replaced the textarea, with the starter code; the statement's math is typeset.
    expect(page.locator(".cm-editor")).to_be_visible()
    expect(page.locator(".cm-content")).to_contain_text("raise NotImplementedError")
    expect(page.locator(".statement .katex").first).to_be_visible()

    # Run a solution that fails the samples: the results panel under the editor shows the failing sample's
    # data, and the Run is labelled as samples only, never as a solve.
    replace_code(page, WRONG_ON_SAMPLES)
    shot(page, "problem-page")
    problem_url = page.url
    page.get_by_role("button", name="Run samples").click()
    panel = page.locator("#submission")
    expect(panel).to_be_visible()
    expect(panel.locator("#mode-label")).to_have_text("Run · samples only")
    expect(page.get_by_test_id("verdict")).to_have_text(re.compile(r"^Wrong Answer \(samples: 0/2 passed\)$"),
                                                        timeout=GRADING_TIMEOUT)
    assert page.url == problem_url  # still on the problem page, beside the editor
    expect(panel.locator("#stats")).to_be_hidden()  # a Run has no score
    expect(page.get_by_test_id("score-line")).to_contain_text("not scored")
    failing = page.locator("#results li.v-WA").first
    expect(failing.locator(".sample-details")).to_contain_text("Input")
    expect(failing.locator(".sample-details")).to_contain_text("Expected output")
    expect(failing.locator(".sample-details")).to_contain_text("Your output")
    expect(failing.locator(".sample-details pre").first).to_contain_text("tensor")
    expect(failing.locator(".message")).not_to_be_empty()

    # After a reload the draft is kept and the last result is still under the editor.
    page.reload()
    expect(page.locator(".cm-content")).to_contain_text("return x")
    expect(page.get_by_test_id("verdict")).to_contain_text("Wrong Answer")

    # Fix it and submit with Ctrl+Enter: live per-test progress, then the verdict, score and timing, in place.
    replace_code(page, (ROOT / "problems/stable-softmax/reference.py").read_text())
    page.locator(".cm-content").press("Control+Enter")
    expect(panel.locator("#mode-label")).to_have_text("Submit")
    expect(page.locator("#results li").first).to_be_visible(timeout=GRADING_TIMEOUT)  # per-test progress
    # The timing phase (2.2 s) shows its own progress; the page polls every second.
    expect(panel.locator("#progress")).to_contain_text(re.compile(r"timing: \d+ pairs"), timeout=GRADING_TIMEOUT)
    expect(page.locator("#submission[data-done='1']")).to_be_attached(timeout=GRADING_TIMEOUT)
    assert page.url == problem_url
    verdict = page.get_by_test_id("verdict").inner_text()
    assert verdict == "Accepted", page.locator("#message").inner_text()
    expect(page.get_by_test_id("speedup")).to_have_text(re.compile(r"^\d+\.\d+× ±\d+\.\d%$"))  # with its noise
    expect(page.get_by_test_id("score-line")).to_contain_text(re.compile(r"Score [\d.]+ = 0\.8 × correctness 100"))
    expect(page.locator("#timing-rows tr").first).to_contain_text("ms")
    expect(page.locator("#results li.v-AC")).to_have_count(page.locator("#results li").count())
    panel.scroll_into_view_if_needed()
    shot(page, "live-verdict")

    # The submission page stays as the permalink.
    page.locator("#permalink").click()
    expect(page).to_have_url(re.compile(r"/submissions/\d+/$"))
    expect(page.get_by_test_id("verdict")).to_have_text("Accepted")

    # The leaderboard lists the new user.
    page.get_by_role("link", name="Leaderboard").first.click()
    expect(page.locator("tr[data-user='newton']")).to_be_visible()


def test_concept_quiz(page, problems, concepts):
    sign_up(page, "lovelace")
    # A concept quiz related to softmax: answer correctly, see the score and every option's rationale.
    concept = Concept.objects.get(slug="scaled-dot-product-sqrt-dk")
    page.goto(f"/practice/concepts/{concept.slug}/")
    for index in concept.correct_indexes():
        page.locator(f"input[name='option'][value='{index}']").check()
    page.get_by_role("button", name="Check answer").click()
    expect(page.get_by_test_id("quiz-score")).to_contain_text("Correct")
    expect(page.locator(".rationale")).to_have_count(len(concept.choices["options"]))
    expect(page.get_by_role("link", name="Numerically stable softmax")).to_be_visible()
    shot(page, "concept-quiz")
