"""Issue 11 in a real browser: honest labels, real sample data, error pages, quizzes and phone width.

Grading tests use the real worker and sandbox; the rest need neither.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from practice.models import Concept
from tests.e2e.conftest import shot
from tests.e2e.test_practice_flow import GRADING_TIMEOUT, replace_code, sign_up

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]
NAIVE = "import torch\n\n\ndef softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:\n" \
        "    e = x.exp()\n    return e / e.sum(dim, keepdim=True)\n"


@pytest.fixture
def bert(transactional_db) -> None:
    from graders.cli import PROBLEMS
    from judge.sync import sync_problems

    assert not sync_problems(PROBLEMS, ["bert-sequence-classification-head"]).errors


def test_hidden_failure_says_its_kind(page, problems, celery_worker_process):
    """Passes the samples, fails hidden tests: the panel says how (NaN/Inf), never with the hidden values."""
    sign_up(page, "hopper")
    page.goto("/problems/stable-softmax/")
    replace_code(page, NAIVE)
    page.get_by_role("button", name="Submit").click()
    expect(page.locator("#submission[data-done='1']")).to_be_attached(timeout=GRADING_TIMEOUT)
    expect(page.get_by_test_id("verdict")).to_have_text("Wrong Answer")
    hidden = page.locator("#results li.v-WA", has=page.locator(".kind", has_text="hidden")).first
    expect(hidden.locator(".message")).to_contain_text("NaN/Inf positions differ")
    expect(hidden.locator(".sample-details")).to_have_count(0)
    passing = page.locator("#results li.v-AC").first  # a passing sample shows its data too
    expect(passing.locator(".sample-details pre").first).to_contain_text("'x': tensor(")  # the arguments, by name
    expect(passing.locator(".sample-details")).to_contain_text("Your output")


def test_driver_problem_sample_shows_the_functions_arguments(page, bert, celery_worker_process):
    sign_up(page, "turing")
    page.goto("/problems/bert-sequence-classification-head/")
    replace_code(page, (ROOT / "problems/bert-sequence-classification-head/reference.py").read_text())
    page.get_by_role("button", name="Run samples").click()
    expect(page.get_by_test_id("verdict")).to_have_text(re.compile(r"^Samples passed \(\d+/\d+\)$"),
                                                        timeout=GRADING_TIMEOUT)
    shown = page.locator("#results li .sample-details pre").first
    expect(shown).to_contain_text("last_hidden_state = tensor of shape (")
    expect(shown).to_contain_text("state_dict = {")
    expect(shown).to_contain_text("'classifier.weight': tensor of shape (")
    expect(shown).not_to_contain_text("input_ids")
    page.locator("#submission").scroll_into_view_if_needed()
    shot(page, "sample-arguments")

    # The problem page, once the worker has previewed the samples, offers every value as a safetensors file.
    page.reload()
    link = page.get_by_test_id("sample-download").first
    expect(link).to_contain_text(".safetensors")
    body = page.request.get(link.get_attribute("href")).body()
    header = json.loads(body[8:8 + int.from_bytes(body[:8], "little")])
    assert header["last_hidden_state"]["shape"][2] == header["state_dict.classifier.weight"]["shape"][1]
    assert set(header) >= {"state_dict.bert.pooler.dense.weight", "state_dict.classifier.bias", "__metadata__"}


def test_quiz_correct_option_is_not_always_first(page, problems, concepts):
    sign_up(page, "noether")
    firsts = []
    for concept in Concept.objects.filter(is_active=True, choices__isnull=False).order_by("slug")[:8]:
        page.goto(f"/practice/concepts/{concept.slug}/")
        first = int(page.locator("input[name='option']").first.get_attribute("value"))
        firsts.append(first in concept.correct_indexes())
    assert len(firsts) == 8 and not all(firsts), firsts
    concept = Concept.objects.filter(is_active=True, choices__isnull=False).order_by("slug").first()
    page.goto(f"/practice/concepts/{concept.slug}/")
    page.get_by_role("button", name="Check answer").click()  # nothing ticked
    expect(page.get_by_test_id("quiz-score")).to_contain_text("Not quite")
    expect(page.locator(".options li", has_text="rightly left unticked").first).to_be_visible()
    expect(page.locator(".options li", has_text="✗ wrong option, rightly")).to_have_count(0)


def test_mistyped_url_gives_the_sites_404(page, problems):
    response = page.goto("/problems/stable-softmaxx/")
    assert response.status == 404
    expect(page.get_by_test_id("error-page")).to_contain_text("Page not found")
    expect(page.locator(".topbar .brand")).to_be_visible()  # the site's own page, styled
    shot(page, "not-found")


@pytest.mark.parametrize("path", ["/", "/problems/stable-softmax/"])
def test_phone_width_has_no_horizontal_page_scroll(page, problems, path):
    sign_up(page, f"phone{len(path)}")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(path)
    expect(page.locator("main")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 390px"
    if path != "/":
        statement = page.locator(".problem-text").bounding_box()
        editor = page.locator(".problem-code").bounding_box()
        assert editor["y"] >= statement["y"] + statement["height"] - 1  # the editor is below the statement
    shot(page, "phone-list" if path == "/" else "phone-problem")


def test_custom_input_run_shows_expected_beside_actual(page, problems, celery_worker_process):
    """The user's own parameters: the reference's output beside theirs, and the Run says how that case went."""
    sign_up(page, "hamming")
    page.goto("/problems/stable-softmax/")
    long_line = "    # " + "a comment that runs far past the editor's right edge " * 4 + "\n"
    replace_code(page, "def softmax(x, dim=-1):\n" + long_line + "    e = (x - x.amax(dim, keepdim=True)).exp()\n"
                 "    return e / e.sum(dim, keepdim=True) if x.shape[0] < 4 else x\n")  # wrong from 4 rows on
    scroller = page.locator(".cm-scroller")  # a long line scrolls inside the editor, with its bar
    assert scroller.evaluate("s => s.scrollWidth > s.clientWidth && getComputedStyle(s).overflowX === 'auto'")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")

    page.get_by_text("Custom input", exact=True).click()
    box = page.get_by_test_id("custom-input")
    expect(box).to_have_value("{'shape': [1, 5], 'scale': 1.0}")  # the first sample's parameters, to edit
    box.fill("{'shape': [5, 4], 'scale': 2.0}")
    page.get_by_role("button", name="Run on custom input").click()
    expect(page.locator("#mode-label")).to_have_text("Run · samples and custom input")
    expect(page.get_by_test_id("verdict")).to_have_text("Wrong Answer (samples: 2/2 passed, custom input WA)",
                                                        timeout=GRADING_TIMEOUT)
    custom = page.locator("#results li", has=page.locator(".kind", has_text="custom"))
    expect(custom.locator(".name")).to_have_text("custom input")
    expect(custom.locator(".sample-details pre").first).to_contain_text("'x': tensor(")
    expected, actual = custom.locator(".compare .expected pre"), custom.locator(".compare .actual pre")
    expect(expected).to_contain_text("tensor(")
    expect(actual).to_contain_text("tensor(")
    assert expected.inner_text() != actual.inner_text()
    left, right = expected.bounding_box(), actual.bounding_box()
    assert abs(left["y"] - right["y"]) < 2 and left["x"] + left["width"] <= right["x"]  # side by side
    bad = page.get_by_test_id("custom-input")
    bad.fill("{'shape': [5, 4], 'size': 3}")
    page.get_by_role("button", name="Run on custom input").click()
    expect(page.get_by_test_id("form-error")).to_contain_text("Custom input: unknown parameter(s) 'size'")
    custom.scroll_into_view_if_needed()
    shot(page, "custom-input")
