"""Run and Submit are rate limited per user, with a clear message, in the form views."""

from __future__ import annotations

import pytest
from django.test import override_settings

from judge.models import Submission
from judge.ratelimit import parse_rate

pytestmark = pytest.mark.django_db(transaction=True)


@override_settings(TJ_RUN_RATE="2/min", TJ_SUBMIT_RATE="1/hour")
def test_run_and_submit_limits_are_separate(alice_client, problems):
    post = lambda mode: alice_client.post("/problems/stable-softmax/submit/", {"code": "x=1", "mode": mode})  # noqa: E731
    assert [post("run").status_code for _ in range(2)] == [302, 302]
    limited = post("run")
    assert limited.status_code == 429
    assert "Runs are limited to 2/min" in limited.content.decode()
    assert post("submit").status_code == 302
    assert post("submit").status_code == 429
    assert Submission.objects.count() == 3


@override_settings(TJ_RUN_RATE="1/min")
def test_limit_is_per_user(alice_client, client, problems, django_user_model):
    assert alice_client.post("/problems/stable-softmax/submit/", {"code": "x", "mode": "run"}).status_code == 302
    bob = django_user_model.objects.create_user("bob", password="bob-password-123")
    client.force_login(bob)
    assert client.post("/problems/stable-softmax/submit/", {"code": "x", "mode": "run"}).status_code == 302


def test_parse_rate():
    assert (parse_rate("10/min").count, parse_rate("10/min").seconds) == (10, 60)
    assert parse_rate("3/day").seconds == 86400
    with pytest.raises(ValueError, match="count/period"):
        parse_rate("ten per minute")
