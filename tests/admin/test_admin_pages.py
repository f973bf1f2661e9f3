"""Admin pages that need no worker: staff preview, concept questions, the readable submissions list, rejudge
queueing at low priority (real Redis), and what a non-staff user may not do."""

from __future__ import annotations

import json

import pytest
import yaml
from django.urls import reverse

from graders.cli import PROBLEMS
from graders.package import load_package, read_folder
from judge.models import Problem, ProblemVersion, Rejudge, Submission
from judge.publishing import PublishError, make_live, queue_validation, save_version
from judge.rejudge import rejudge_selected
from practice.models import Concept

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", password="x-unused-8271"))
    return client


def draft_of(problem: Problem, **changes: str) -> ProblemVersion:
    files = {**problem.live_version.files, **changes}
    return save_version(problem, load_package(files, f"problems/{problem.slug}"), None)


def test_staff_preview_of_hidden_problems_and_drafts(staff_client, problems, alice):
    problem = Problem.objects.get(slug="stable-softmax")
    draft = draft_of(problem, **{"statement.md": "A DRAFT STATEMENT about softmax.\n"})
    page = staff_client.get(f"/problems/stable-softmax/?version={draft.pk}").content.decode()
    assert "A DRAFT STATEMENT" in page and "a draft: users see" in page and 'id="submit-form"' not in page
    assert "preview-banner" not in staff_client.get("/problems/stable-softmax/").content.decode()
    Problem.objects.filter(pk=problem.pk).update(is_public=False)
    page = staff_client.get("/problems/stable-softmax/").content.decode()
    assert "this problem is not public" in page and 'id="submit-form"' in page
    saved = staff_client.post(reverse("save-draft", args=["stable-softmax"]), {"code": "x = 1\n"})
    assert saved.status_code == 200  # staff trying a hidden problem keep their draft like anyone else
    client = staff_client
    client.logout()
    assert client.get("/problems/stable-softmax/").status_code == 404
    client.force_login(alice)
    assert client.get(f"/problems/stable-softmax/?version={draft.pk}").status_code == 404
    assert client.get(reverse("admin:judge_problem_draft", args=[problem.pk])).status_code == 302  # to login


def test_make_live_needs_a_passed_validation_but_a_rollback_does_not(problems, alice):
    problem = Problem.objects.get(slug="stable-softmax")
    synced = problem.live_version
    draft = draft_of(problem, **{"statement.md": "Changed.\n"})
    with pytest.raises(PublishError, match="has not been validated"):
        make_live(draft, alice)
    with pytest.raises(PublishError, match="already live"):
        make_live(synced, alice)
    run = draft.validations.create(status="failed")
    with pytest.raises(PublishError, match="latest validation is failed"):
        make_live(draft, alice)
    draft.validations.create(status="passed", created_at=run.created_at.replace(year=run.created_at.year + 1))
    assert make_live(draft, alice) == synced
    assert Problem.objects.get(pk=problem.pk).live_version == draft
    assert make_live(synced, alice) == draft  # the synced version was live before: rolling back is allowed


def test_a_submission_shows_the_version_it_was_graded_against(client, problems, alice):
    problem = Problem.objects.get(slug="stable-softmax")
    first = problem.live_version
    submission = Submission.objects.create(user=alice, problem=problem, version=first, code="x")
    client.force_login(alice)
    page = client.get(f"/submissions/{submission.pk}/").content.decode()
    assert f"version {first.version[:8]}</span>" in page and "changed since" not in page
    draft = draft_of(problem, **{"statement.md": "Changed.\n"})
    draft.validations.create(status="passed")
    make_live(draft, alice)
    page = client.get(f"/submissions/{submission.pk}/").content.decode()
    assert f"version {first.version[:8]} (the problem has changed since)" in page


def test_concept_created_checked_previewed_and_retired(staff_client, problems):
    post = {"slug": "why-layer-norm", "title": "Why layer norm", "difficulty": "easy", "topics": ["attention"],
            "question": "Why do Transformers use **layer** norm rather than batch norm?",
            "answer": "It normalises each token over its features, so it does not depend on the batch.",
            "explanation": "Batch statistics are noisy for small or variable batches and padded sequences.",
            "key_points": "per token\nno batch dependence\nsame at train and test",
            "prompt": "Which statistic does layer norm use?",
            "option_1_text": "Mean and variance over the features of one token", "option_1_correct": "on",
            "option_1_rationale": "Yes: each token is normalised on its own.",
            "option_2_text": "Mean and variance over the batch", "option_2_rationale": "",
            "option_3_text": "A running average", "option_3_rationale": "That is batch norm at eval time.",
            "related": "layer-norm", "seed_refs": "", "is_active": "on"}
    page = staff_client.post(reverse("admin:practice_concept_add"), post)
    assert page.status_code == 200 and not Concept.objects.exists()
    assert "choices.options[1].rationale: must be a non-empty string" in page.content.decode()
    post["option_2_rationale"] = "That is batch norm."
    page = staff_client.post(reverse("admin:practice_concept_add"), post)  # a link to no coding problem
    assert page.status_code == 200 and "no coding problem &#x27;layer-norm&#x27;" in page.content.decode()
    post["related"] = "stable-softmax"
    response = staff_client.post(reverse("admin:practice_concept_add"), post)
    assert response.status_code == 302
    concept = Concept.objects.get(slug="why-layer-norm")
    assert concept.correct_indexes() == [0] and concept.key_points[1] == "no batch dependence"
    assert concept.choices["options"][2]["rationale"] == "That is batch norm at eval time." and concept.version
    page = staff_client.get(reverse("admin:practice_concept_change", args=[concept.pk])).content.decode()
    assert 'data-testid="concept-preview"' in page and "<strong>layer</strong>" in page
    assert "That is batch norm." in page
    staff_client.post(reverse("admin:practice_concept_changelist"),
                      {"action": "retire", "_selected_action": [str(concept.pk)]})
    assert not Concept.objects.get(pk=concept.pk).is_active


def test_submission_admin_is_readable_filterable_and_fast(staff_client, problems, alice, django_user_model,
                                                          django_assert_max_num_queries):
    problem = Problem.objects.get(slug="stable-softmax")
    code = read_folder(PROBLEMS / "stable-softmax")["reference.py"]
    bob = django_user_model.objects.create_user("bob")
    for user in (alice, bob) * 10:
        Submission.objects.create(user=user, problem=problem, version=problem.live_version, code=code,
                                  status="finished", verdict="AC", speedup=1.0800499207261058, hardware="cpu")
    url = reverse("admin:judge_submission_changelist")
    with django_assert_max_num_queries(12):  # the same few queries for 20 rows as for 100k: no query per row
        page = staff_client.get(url).content.decode()
    assert "1.08×" in page and "1.0800499" not in page
    assert page.count('name="_selected_action"') == 20
    assert f"version={problem.live_version_id}" not in page  # versions are listed once a problem is chosen
    filtered = staff_client.get(f"{url}?user=bob&problem__id__exact={problem.pk}").content.decode()
    assert filtered.count('name="_selected_action"') == 10
    assert f"version={problem.live_version_id}" in filtered and 'value="bob"' in filtered
    submission = Submission.objects.filter(user=bob).first()
    detail = staff_client.get(reverse("admin:judge_submission_change", args=[submission.pk])).content.decode()
    assert '<pre class="tj-pre">' in detail and "\n    shift = " in detail.replace("&gt;", ">")


def test_rejudges_are_queued_at_low_priority(problems, alice, redis_client, django_capture_on_commit_callbacks):
    problem = Problem.objects.get(slug="stable-softmax")
    submission = Submission.objects.create(user=alice, problem=problem, version=problem.live_version, code="x",
                                           status="finished", verdict="IE")
    redis_client.delete("cpu", "cpu\x06\x169")
    with django_capture_on_commit_callbacks(execute=True):
        rejudge = rejudge_selected(Submission.objects.filter(pk=submission.pk), alice)
    assert rejudge.kind == Rejudge.Kind.ONE and rejudge.items.get().old_verdict == "IE"
    assert redis_client.llen("cpu") == 0  # users' submissions (priority 0) are taken before this list
    message = json.loads(redis_client.lpop("cpu\x06\x169"))
    assert message["headers"]["task"] == "judge.authoring_tasks.rejudge_item"
    assert message["properties"]["priority"] == 9


@pytest.mark.parametrize(("gpu", "queue"), [(True, "gpu"), (False, "cpu")])
def test_validation_goes_to_a_worker_of_the_problems_hardware(gpu, queue, problems, alice, redis_client,
                                                              django_capture_on_commit_callbacks):
    problem = Problem.objects.get(slug="stable-softmax")
    meta = yaml.safe_load(problem.live_version.files["problem.yaml"])
    if gpu:  # a GPU problem times benchmarks sized for a GPU
        meta["gpu"] = True
        meta["tests"]["benchmark_gpu"] = [{"name": "gpu-large", "seed": 101, "params": {"shape": [4096, 8192]}}]
    version = draft_of(problem, **{"problem.yaml": yaml.safe_dump(meta, sort_keys=False)})
    redis_client.delete("cpu", "gpu")
    with django_capture_on_commit_callbacks(execute=True):
        run = queue_validation(version, alice)
    assert [c.solution for c in run.checks.all()] == ["reference.py", "accepted/reciprocal.py",
                                                       *[w.file for w in version.package().wrong]]
    assert redis_client.llen("cpu" if gpu else "gpu") == 0
    message = json.loads(redis_client.lpop(queue))
    assert message["headers"]["task"] == "judge.authoring_tasks.validate_version"
    assert message["headers"]["argsrepr"] == f"[{run.pk}]"


def test_every_admin_page_opens(staff_client, problems):
    problem = Problem.objects.get(slug="stable-softmax")
    version = problem.live_version
    for url in [reverse("admin:judge_problem_changelist"), reverse("admin:judge_problem_change", args=[problem.pk]),
                reverse("admin:judge_problem_add"), reverse("admin:judge_problem_draft", args=[problem.pk]),
                reverse("admin:judge_problemversion_changelist"),
                reverse("admin:judge_problemversion_change", args=[version.pk]),
                reverse("admin:judge_rejudge_changelist"), reverse("admin:judge_problem_import"),
                reverse("admin:practice_concept_changelist"), reverse("admin:practice_concept_add")]:
        assert staff_client.get(url).status_code == 200, url
    page = staff_client.get(reverse("admin:judge_problem_change", args=[problem.pk])).content.decode()
    assert 'data-testid="rejudge-accepted"' in page and "New draft" in page
    page = staff_client.get(reverse("admin:judge_problemversion_change", args=[version.pk])).content.decode()
    assert "LIVE · not validated" in page and '<pre class="tj-pre">' in page and "Export zip" in page
    preview = staff_client.post(reverse("admin:judge_problem_preview_markdown"), {"text": "**bold** $x$"})
    assert preview.content.decode() == "<p><strong>bold</strong> $x$</p>"


def test_export_is_what_sync_imports_and_imports_back_identical(staff_client, problems, tmp_path):
    import io
    import zipfile

    from judge.sync import sync_problems

    problem = Problem.objects.get(slug="stable-softmax")
    edited = draft_of(problem, **{"statement.md": "Edited in the admin.\n"})
    data = staff_client.get(reverse("admin:judge_problemversion_export", args=[edited.pk])).content
    assert data == staff_client.get(reverse("admin:judge_problemversion_export", args=[edited.pk])).content
    zipfile.ZipFile(io.BytesIO(data)).extractall(tmp_path / "problems")
    assert read_folder(tmp_path / "problems" / "stable-softmax") == edited.files
    assert not sync_problems(tmp_path / "problems", ["stable-softmax"]).errors
    assert Problem.objects.get(pk=problem.pk).live_version_id == edited.pk  # the same version row
    upload = io.BytesIO(data)
    upload.name = "again.zip"
    response = staff_client.post(reverse("admin:judge_problem_import"), {"package": upload})
    assert response["Location"] == reverse("admin:judge_problemversion_change", args=[edited.pk])
    bad = io.BytesIO(b"not a zip")
    bad.name = "bad.zip"
    page = staff_client.post(reverse("admin:judge_problem_import"), {"package": bad})
    assert page.status_code == 400 and "not a zip file" in page.content.decode()
