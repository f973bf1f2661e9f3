"""The problem page keeps its problem per process until the bank changes: every change still shows at once."""

from __future__ import annotations

import pytest

from judge.models import Problem, ProblemVersion

pytestmark = pytest.mark.django_db(transaction=True)
PAGE = "/problems/stable-softmax/"


def test_a_saved_change_to_the_problem_shows_on_the_next_view(alice_client, problems):
    assert "Numerically stable softmax" in alice_client.get(PAGE).content.decode()
    problem = Problem.objects.get(slug="stable-softmax")
    problem.title = "Softmax, renamed"
    problem.save()
    assert "Softmax, renamed" in alice_client.get(PAGE).content.decode()
    problem.is_public = False
    problem.save()
    assert alice_client.get(PAGE).status_code == 404


def test_sample_arguments_written_without_a_signal_show_on_the_next_view(alice_client, problems):
    """The worker stores a version's sample arguments with update(), which sends no signal."""
    version = Problem.objects.select_related("live_version").get(slug="stable-softmax").live_version
    ProblemVersion.objects.filter(pk=version.pk).update(sample_arguments=None)
    assert 'data-testid="sample-arguments"' not in alice_client.get(PAGE).content.decode()
    ProblemVersion.objects.filter(pk=version.pk).update(sample_arguments={"row": "x = tensor of shape (1, 5)"})
    assert "x = tensor of shape (1, 5)" in alice_client.get(PAGE).content.decode()
