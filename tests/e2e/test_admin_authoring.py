"""The admin's authoring page in a real browser: the code editors, a structural mistake shown beside its
field, then the validation results arriving from a real worker. Its screenshots are in the README."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from graders.cli import PROBLEMS
from tests.e2e.conftest import shot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wide_benchmark_range")]
VALIDATION_TIMEOUT = 900_000


def replace_code(page, field: str, code: str) -> None:
    """Select everything in one field's editor and type `code` (inserted as text: no auto-indent)."""
    page.locator(f"[data-field='{field}'] .cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)
    expect(page.locator(f"#id_{field}")).to_have_value(code)


def test_author_a_draft_and_validate_it(page, problems, celery_worker_process, django_user_model):
    from judge.models import Problem

    django_user_model.objects.create_superuser("editor", password="apple-gravity-1687")
    page.add_init_script("localStorage.setItem('django.admin.navSidebarIsOpen', 'false')")  # room for the form
    page.goto("/admin/login/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill("apple-gravity-1687")
    page.get_by_role("button", name="Log in").click()

    problem = Problem.objects.get(slug="stable-softmax")
    page.goto(f"/admin/judge/problem/{problem.pk}/draft/")
    # Every code field is a CodeMirror editor from the site's bundle; the statement has a rendered preview.
    # 5 files, tests, settings, 3 wrong solutions and an empty one to add another:
    expect(page.locator(".tj-draft .cm-editor")).to_have_count(11)
    expect(page.locator("#statement-preview .katex").first).to_be_visible()

    # A structural mistake: the reference does not parse. Saving shows the package check's message beside it.
    reference = (PROBLEMS / "stable-softmax" / "reference.py").read_text()
    replace_code(page, "reference", reference.replace("return e / e.sum(", "return (e / e.sum("))
    page.get_by_test_id("save-draft").click()
    expect(page.get_by_test_id("error-reference")).to_contain_text("reference.py: line 10: syntax error")
    page.locator("[data-field='reference']").scroll_into_view_if_needed()
    page.evaluate("document.querySelector(\"[data-field='reference']\").scrollIntoView()")
    shot(page, "admin-authoring")

    replace_code(page, "reference", reference)
    page.get_by_test_id("save-draft").click()
    expect(page.locator(".messagelist")).to_contain_text("Validate it before making it live")
    page.get_by_test_id("validate").click()
    expect(page.get_by_test_id("validation-status")).to_have_text("Passed", timeout=VALIDATION_TIMEOUT)
    expect(page.locator("tr[data-solution='reference.py']")).to_contain_text("reference ")
    expect(page.locator("tr[data-solution='wrong/naive.py']")).to_contain_text("ok")
    shot(page, "admin-validation")
    page.get_by_test_id("make-live").click()
    expect(page.locator(".messagelist")).to_contain_text("is live")
