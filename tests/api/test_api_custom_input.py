"""Custom input through the API: a Run only, parsed and checked as on the page."""

from __future__ import annotations

import pytest

from judge.models import Submission

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_api_takes_custom_input_for_a_run_only(api, problems, no_queue):
    created = api.post("/api/submissions/", {"problem": "stable-softmax", "code": "x = 1\n", "mode": "run",
                                             "custom_input": "{'shape': [3, 3], 'dim': 0}"}, format="json")
    assert created.status_code == 201 and created.json()["custom_input"] == {"shape": [3, 3], "dim": 0}
    submit = api.post("/api/submissions/", {"problem": "stable-softmax", "code": "x = 1\n", "mode": "submit",
                                            "custom_input": "{'shape': [3, 3]}"}, format="json")
    assert submit.status_code == 400 and "Only a Run" in submit.json()["custom_input"][0]
    bad = api.post("/api/submissions/", {"problem": "stable-softmax", "code": "x = 1\n", "mode": "run",
                                         "custom_input": "{'shape': 'x' * 3}"}, format="json")
    assert bad.status_code == 400 and "not a Python literal" in bad.json()["custom_input"][0]
    assert Submission.objects.count() == 1
