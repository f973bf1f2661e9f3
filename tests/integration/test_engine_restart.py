"""The Docker engine is restarted while a submission is being graded: the submission is retried and graded
once, never lost and never counted twice, and its interrupted sandbox is not left behind.

This kills and restarts the real engine (the one DOCKER_HOST names), so every sandbox running on it dies too.
"""

from __future__ import annotations

import pytest

from judge.models import TestResult
from judge.tasks import enqueue
from tests.integration.faults import (
    SLOW_REFERENCE,
    graded_lines,
    new_submission,
    process_group,
    reload,
    restart_engine,
    sandboxes_of,
    wait_for,
)

pytestmark = pytest.mark.integration


def test_an_engine_restart_mid_grading_is_retried_and_graded_exactly_once(problems, alice, worker_factory):
    worker = worker_factory(TJ_RETRY_DELAYS="2,5,10")
    pids = process_group(worker)
    submission = new_submission(alice, code=SLOW_REFERENCE)
    enqueue(submission)
    wait_for(lambda: sandboxes_of(pids, running_only=True), what="the sandbox to start")
    assert reload(submission).status == "running" and submission.attempts == 1

    restart_engine()

    wait_for(lambda: reload(submission).is_done, timeout=300, what="the retried grading")
    assert submission.status == "finished" and submission.verdict == "AC", submission.message
    assert submission.attempts == 2  # the interrupted attempt and one retry
    assert graded_lines(worker.log, submission) == 1
    assert "infrastructure error (attempt 1)" in worker.log.read_text()  # surfaced as one, and retried
    assert sorted(TestResult.objects.filter(submission=submission).values_list("index", flat=True)) == [0, 1]
    wait_for(lambda: not sandboxes_of(pids | process_group(worker)), timeout=90, what="no sandbox left behind")
