"""The admin's authoring page in a real browser: the code editors, a structural mistake shown beside its
field, then the validation results arriving from a real worker. Its screenshots are in the README."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import shot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
VALIDATION_TIMEOUT = 900_000


def set_code(page, selector: str, code: str) -> None:
    """Replace a code field's text through its CodeMirror editor (the bundle's `textarea.tjEditor`)."""
    page.locator(selector).evaluate(
        "(t, code) => t.tjEditor.dispatch({changes: {from: 0, to: t.tjEditor.state.doc.length, insert: code}})",
        code)


def test_author_a_draft_and_validate_it(page, problems, celery_worker_process, django_user_model):
    from judge.models import Problem

    django_user_model.objects.create_superuser("editor", password="apple-gravity-1687")
    page.goto("/admin/login/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill("apple-gravity-1687")
    page.get_by_role("button", name="Log in").click()

    problem = Problem.objects.get(slug="stable-softmax")
    page.goto(f"/admin/judge/problem/{problem.pk}/draft/")
    # Every code field is a CodeMirror editor from the site's bundle; the statement has a rendered preview.
    # 5 files, tests, other settings (forbid), 1 accepted variant, 4 wrong solutions and an empty one to add one
    expect(page.locator(".tj-draft .cm-editor")).to_have_count(13)
    expect(page.locator("#statement-preview .katex").first).to_be_visible()

    # Structural mistakes: only two hints, and a reference that does not parse (typed into its editor).
    # Saving shows each of the package check's messages beside its field, and keeps what was typed.
    reference = page.locator("#id_reference").input_value()
    set_code(page, "#id_reference", reference.replace("keepdim=True)\n", "keepdim=True\n", 1))
    page.locator("#id_hint_3").fill("")
    page.get_by_test_id("save-draft").click()
    expect(page.get_by_test_id("error-hint_1")).to_contain_text("must be a list of exactly three hints")
    expect(page.get_by_test_id("error-reference")).to_contain_text("syntax error")
    expect(page.locator("[data-field='reference'] .cm-content")).to_contain_text("keepdim=True")
    page.locator("[data-field='reference']").evaluate("e => e.scrollIntoView({block: 'start'})")
    shot(page, "admin-authoring")

    set_code(page, "#id_reference", reference)
    page.locator("#id_hint_3").fill("Subtract the row maximum, exponentiate, divide by the sum.")
    page.get_by_test_id("save-draft").click()
    expect(page.locator(".messagelist")).to_contain_text("Validate it before making it live")
    page.get_by_test_id("validate").click()
    expect(page.get_by_test_id("validation-status")).to_have_text("Passed", timeout=VALIDATION_TIMEOUT)
    expect(page.locator("tr[data-solution='reference.py']")).to_contain_text("reference ")
    expect(page.locator("tr[data-solution='wrong/naive.py']")).to_contain_text("ok")
    page.get_by_test_id("validation-status").scroll_into_view_if_needed()
    shot(page, "admin-validation")
    page.get_by_test_id("make-live").click()
    expect(page.locator(".messagelist")).to_contain_text("is live")
