"""The issue's Done-when, driven through the admin as a staff user, with a real worker and the real sandbox.

Create a problem; save a draft with a structural mistake and see it beside the field; fix it; validate it
(reference Accepted with its benchmark time, wrong solutions with their verdicts); make it live and see it
on the site; change the reference to a wrong one, validate, be refused "make live"; import the full package
from a zip, make it live and rejudge the Accepted submissions (a report of what changed); rejudge one
submission; export and import, identical to what sync_problems imports from the same folder.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Callable

import pytest
import yaml
from django.urls import reverse

from graders.cli import PROBLEMS
from graders.package import read_folder
from judge.models import Problem, ProblemVersion, Rejudge, Submission, ValidationRun
from judge.sync import sync_problems
from judge.tasks import enqueue
from tests.admin.test_authoring_form import post_data

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
SLUG = "stable-softmax"
FOLDER = PROBLEMS / SLUG
HALF_PRECISION_REFERENCE = read_folder(FOLDER)["wrong/half_precision.py"]  # a wrong reference
GRADING_TIMEOUT = 900


def wait_for(condition: Callable[[], bool], what: str, timeout: float = GRADING_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(1)


def first_version_files() -> dict[str, str]:
    """The real package without its two huge-logit tests, so a naive exp/sum softmax is Accepted here."""
    files = read_folder(FOLDER)
    meta = yaml.safe_load(files["problem.yaml"])
    meta["tests"]["hidden"] = [t for t in meta["tests"]["hidden"] if t["name"] not in ("huge-logits", "very-negative")]
    meta["wrong"] = [w for w in meta["wrong"] if w["file"] != "wrong/naive.py"]
    files["problem.yaml"] = yaml.safe_dump(meta, sort_keys=False)
    del files["wrong/naive.py"]
    return files


def folder_zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(f"{SLUG}/{name}", text)
    return buffer.getvalue()


def validate(client, version: ProblemVersion) -> ValidationRun:
    response = client.post(reverse("admin:judge_problemversion_validate", args=[version.pk]))
    assert response.status_code == 302
    run = version.latest_validation()
    wait_for(lambda: ValidationRun.objects.get(pk=run.pk).status in ("passed", "failed"), f"validation of {version}")
    run.refresh_from_db()
    return run


def make_live(client, version: ProblemVersion) -> str:
    response = client.post(reverse("admin:judge_problemversion_make_live", args=[version.pk]), follow=True)
    return response.content.decode()


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", password="x-unused-8271")
    client.force_login(user)
    return user


def test_author_validate_publish_rejudge_export(client, staff, alice, celery_worker_process, tmp_path):
    # Create the problem; the admin goes straight to its first draft.
    response = client.post(reverse("admin:judge_problem_add"), {
        "slug": SLUG, "title": "Softmax, authored in the admin", "kind": "coding", "difficulty": "easy",
        "is_public": "on"})
    problem = Problem.objects.get(slug=SLUG)
    assert response.status_code == 302 and response["Location"] == reverse("admin:judge_problem_draft",
                                                                           args=[problem.pk])
    draft_url = response["Location"]
    page = client.get(draft_url)
    assert page.status_code == 200 and b'data-editor="python"' in page.content

    # A structural mistake is shown beside its field, and nothing is saved.
    files = first_version_files()
    page = client.post(draft_url, post_data(files, hint_3=""))
    assert page.status_code == 200
    assert "hints: must be a list of exactly three hints" in page.content.decode()
    assert 'data-testid="error-hint_1"' in page.content.decode()
    assert not problem.versions.exists()

    # Fixed, it is saved as a version, not yet live.
    response = client.post(draft_url, post_data(files))
    assert response.status_code == 302
    first = problem.versions.get()
    assert response["Location"] == reverse("admin:judge_problemversion_change", args=[first.pk])
    assert first.created_by == staff and Problem.objects.get(pk=problem.pk).live_version is None
    assert client.get(f"/problems/{SLUG}/").status_code == 200  # staff preview, before it is live
    client.logout()
    assert client.get(f"/problems/{SLUG}/").status_code == 404
    client.force_login(staff)

    # Validate on the worker: the reference is Accepted with its benchmark time, the wrong ones get theirs.
    run = validate(client, first)
    checks = {c.solution: c for c in run.checks.all()}
    assert run.status == "passed", [(c.solution, c.got, c.detail) for c in checks.values()]
    assert checks["reference.py"].got == "AC"
    assert re.match(r"reference \d+\.\d\d ms", checks["reference.py"].detail)  # its benchmark time
    assert {s: c.got for s, c in checks.items() if s != "reference.py"} == {
        "accepted/reciprocal.py": "AC", "wrong/half_precision.py": "WA", "wrong/syntax_error.py": "CE",
        "wrong/forbidden_api.py": "CE"}
    fragment = client.get(reverse("admin:judge_problemversion_validation", args=[first.pk])).content.decode()
    assert "Passed" in fragment and "wrong/syntax_error.py" in fragment

    # Make it live: one action, recorded, and the problem is on the site.
    assert "is live" in make_live(client, first)
    first.refresh_from_db()
    assert first.made_live_by == staff and first.made_live_at is not None
    client.logout()
    assert "Numerically stable softmax" in client.get(f"/problems/{SLUG}/").content.decode()
    client.force_login(staff)

    # Alice's reference and naive solutions are both Accepted on this version.
    naive = read_folder(FOLDER)["wrong/naive.py"]
    mine = [Submission.objects.create(user=alice, problem=problem, version=first, code=code)
            for code in (files["reference.py"], naive)]
    for submission in mine:
        enqueue(submission)
    wait_for(lambda: all(Submission.objects.get(pk=s.pk).is_done for s in mine), "alice's submissions")
    assert [Submission.objects.get(pk=s.pk).verdict for s in mine] == ["AC", "AC"]

    # A wrong reference: validation fails and "make live" is refused.
    response = client.post(reverse("admin:judge_problem_draft_from", args=[problem.pk, first.pk]),
                           post_data(first.files, reference=HALF_PRECISION_REFERENCE))
    assert response.status_code == 302
    bad = problem.versions.get(files__contains={"reference.py": HALF_PRECISION_REFERENCE})
    run = validate(client, bad)
    assert run.status == "failed"
    assert run.checks.get(solution="wrong/half_precision.py").got == "AC"
    assert "cannot be made live: its latest validation is failed" in make_live(client, bad)
    assert Problem.objects.get(pk=problem.pk).live_version == first

    # The full package, imported from a zip, validated and made live; the first version stays for rollback.
    upload = io.BytesIO(folder_zip(read_folder(FOLDER)))
    upload.name = f"{SLUG}.zip"
    response = client.post(reverse("admin:judge_problem_import"), {"package": upload})
    assert response.status_code == 302
    full = problem.versions.exclude(pk__in=[first.pk, bad.pk]).get()
    assert full.files == read_folder(FOLDER)
    assert validate(client, full).status == "passed"
    make_live(client, full)
    assert Problem.objects.get(pk=problem.pk).live_version == full
    first.refresh_from_db()
    assert first.may_go_live() == (True, "")  # a rollback needs no new validation

    # Rejudge the Accepted submissions against the new live version: the naive one would now fail.
    response = client.post(reverse("admin:judge_problem_rejudge_accepted", args=[problem.pk]))
    rejudge = Rejudge.objects.get(kind=Rejudge.Kind.ACCEPTED)
    assert response["Location"] == reverse("admin:judge_rejudge_change", args=[rejudge.pk])
    wait_for(lambda: all(i.new_verdict for i in rejudge.items.all()), "the rejudge")
    assert {i.submission_id: (i.old_verdict, i.new_verdict) for i in rejudge.items.all()} == {
        mine[0].pk: ("AC", "AC"), mine[1].pk: ("AC", "WA")}
    report = client.get(response["Location"]).content.decode()
    assert "2 of 2 graded, 1 verdict(s) changed" in report and "CHANGED" in report
    kept = Submission.objects.get(pk=mine[1].pk)
    assert (kept.verdict, kept.version_id) == ("AC", first.pk)  # users' submissions keep their version

    # Rejudge one submission (the changelist action): graded again against its own version.
    client.post(reverse("admin:judge_submission_changelist"),
                {"action": "rejudge", "_selected_action": [str(mine[0].pk)]})
    one = Rejudge.objects.get(kind=Rejudge.Kind.ONE)
    wait_for(lambda: all(i.new_verdict for i in one.items.all()), "the single rejudge")
    again = Submission.objects.get(pk=mine[0].pk)
    assert (again.status, again.verdict, again.version_id) == ("finished", "AC", first.pk)
    assert again.results.count() > 0

    # Export and import: the same files, and sync_problems imports the admin's version from the folder.
    for version in (full, first):
        data = client.get(reverse("admin:judge_problemversion_export", args=[version.pk])).content
        root = tmp_path / version.version / "problems"
        zipfile.ZipFile(io.BytesIO(data)).extractall(root)
        assert read_folder(root / SLUG) == version.files
        report = sync_problems(root, [SLUG])
        assert not report.errors
        assert Problem.objects.get(pk=problem.pk).live_version_id == version.pk  # the same row: same hash
        upload = io.BytesIO(data)
        upload.name = "again.zip"
        response = client.post(reverse("admin:judge_problem_import"), {"package": upload})
        assert response["Location"] == reverse("admin:judge_problemversion_change", args=[version.pk])
    assert (FOLDER / "problem.yaml").read_bytes() == (tmp_path / full.version / "problems" / SLUG /
                                                      "problem.yaml").read_bytes()
