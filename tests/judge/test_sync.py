"""`sync_problems`: idempotent, versioned by content, and a broken package never replaces a live version."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from judge.models import Problem, ProblemVersion, Submission
from judge.sync import sync_problems

SOFTMAX = Path(__file__).resolve().parents[2] / "problems" / "stable-softmax"
pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    root = tmp_path / "problems"
    shutil.copytree(SOFTMAX, root / "stable-softmax", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_sync_is_idempotent(bank):
    first = sync_problems(bank)
    assert first.created == ["stable-softmax"] and not first.errors
    second = sync_problems(bank)
    assert second.created == [] and second.updated == [] and second.unchanged == ["stable-softmax"]
    assert ProblemVersion.objects.count() == 1


def test_a_changed_problem_gets_a_new_version_and_old_submissions_keep_theirs(bank, django_user_model):
    sync_problems(bank)
    problem = Problem.objects.get(slug="stable-softmax")
    old = problem.live_version
    user = django_user_model.objects.create_user("u")
    submission = Submission.objects.create(user=user, problem=problem, version=old, code="x")
    (bank / "stable-softmax" / "statement.md").write_text("# Changed\n\nNew words.\n")

    report = sync_problems(bank)

    assert report.updated == ["stable-softmax"]
    problem.refresh_from_db()
    assert problem.live_version != old and ProblemVersion.objects.count() == 2
    submission.refresh_from_db()
    assert submission.version == old


def test_a_broken_package_is_rejected_and_the_live_version_stays(bank):
    sync_problems(bank)
    live = Problem.objects.get().live_version
    yaml_file = bank / "stable-softmax" / "problem.yaml"
    yaml_file.write_text(yaml_file.read_text().replace("entry: softmax", "entry: 'not an identifier'"))

    report = sync_problems(bank)

    assert report.errors == ["problems/stable-softmax/problem.yaml: entry: must be a Python identifier "
                             "(the function or class to implement), got 'not an identifier'"]
    assert Problem.objects.get().live_version == live


def test_the_command_reports_and_fails_on_errors(bank, monkeypatch, capsys):
    monkeypatch.setattr("judge.management.commands.sync_problems.PROBLEMS", bank)
    call_command("sync_problems")
    assert "created: stable-softmax" in capsys.readouterr().out
    (bank / "stable-softmax" / "tests.py").write_text("import torch\n")
    with pytest.raises(CommandError, match="1 problem package error"):
        call_command("sync_problems")
