"""GPU problems go to the GPU queue (real Redis), so a CPU worker never picks them up and fails them."""

import json

import pytest

from judge.models import Problem, ProblemVersion, Submission
from judge.tasks import enqueue

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("gpu", "queue"), [(True, "gpu"), (False, "cpu")])
def test_submissions_are_routed_by_hardware(gpu, queue, redis_client, django_user_model,
                                            django_capture_on_commit_callbacks):
    redis_client.delete("gpu", "cpu")
    problem = Problem.objects.create(slug="p", title="P", difficulty="easy", gpu=gpu)
    version = ProblemVersion.objects.create(problem=problem, version="v1", files={})
    user = django_user_model.objects.create_user("u")
    submission = Submission.objects.create(user=user, problem=problem, version=version, code="x")
    with django_capture_on_commit_callbacks(execute=True):
        enqueue(submission)
    assert redis_client.llen(queue) == 1
    assert redis_client.llen("cpu" if gpu else "gpu") == 0
    message = json.loads(redis_client.lpop(queue))
    assert message["headers"]["task"] == "judge.tasks.grade_submission"
    assert message["headers"]["argsrepr"] == f"[{submission.pk}]"
