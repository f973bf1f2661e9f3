"""`{% link %}` is `{% url %}` kept per process: the same paths, under whatever script prefix is in force."""

from __future__ import annotations

from django.template import Context, Template
from django.urls import reverse, set_script_prefix


def render(source: str) -> str:
    return Template("{% load links %}" + source).render(Context())


def test_link_gives_the_path_that_url_gives():
    assert render("{% link 'submission-detail' 7 %}") == reverse("submission-detail", args=[7]) == "/submissions/7/"
    assert render("{% link 'problem-list' %}") == reverse("problem-list")
    assert render("{% link 'leaderboard' 'stable-softmax' %}") == "/problems/stable-softmax/leaderboard/"


def test_link_follows_the_script_prefix():
    """A site served under a path (SCRIPT_NAME) links under it, though the same link was made without it."""
    assert render("{% link 'history' %}") == "/submissions/"
    set_script_prefix("/judge/")
    try:
        assert render("{% link 'history' %}") == "/judge/submissions/"
    finally:
        set_script_prefix("/")
