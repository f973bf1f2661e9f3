"""The Docker engine is restarted while a submission is being graded: the submission is retried and graded
once, never lost and never counted twice, and its interrupted sandbox is not left behind.

With cold sandboxes, and with a warm pool (whose waiting sandboxes die with the engine and are replaced).
This kills and restarts the real engine (the one DOCKER_HOST names), so every sandbox running on it dies too.
"""

from __future__ import annotations

import socket

import docker
import pytest

from graders.container import WORKER_LABEL
from graders.pool import POOL_LABEL
from judge.models import TestResult
from judge.tasks import enqueue
from tests.conftest import stop_worker
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
    # The interrupted attempt, then retries: one more, or a few if the engine takes a while to come back
    # (each try while it is away is one). However many, exactly one final result is stored.
    assert submission.attempts >= 2
    assert graded_lines(worker.log, submission) == 1
    assert "infrastructure error (attempt 1)" in worker.log.read_text()  # surfaced as one, and retried
    assert sorted(TestResult.objects.filter(submission=submission).values_list("index", flat=True)) == [0, 1]
    wait_for(lambda: not sandboxes_of(pids | process_group(worker)), timeout=90, what="no sandbox left behind")


def test_an_engine_restart_empties_the_warm_pool_which_refills_and_the_job_is_graded_once(
        problems, alice, worker_factory):
    worker = worker_factory(TJ_POOL_SIZE="1", TJ_RETRY_DELAYS="2,5,10")
    pids = process_group(worker)
    wait_for(lambda: pooled(pids), timeout=180, what="a warm sandbox")
    submission = new_submission(alice, code=SLOW_REFERENCE)
    enqueue(submission)
    wait_for(lambda: reload(submission).status == "running", what="the grading to start")

    restart_engine()  # kills the sandbox grading the job and the one waiting in the pool

    wait_for(lambda: reload(submission).is_done, timeout=300, what="the retried grading")
    assert submission.status == "finished" and submission.verdict == "AC", submission.message
    assert submission.attempts >= 2  # as above: tries while the engine was away, one final result
    assert graded_lines(worker.log, submission) == 1
    assert sorted(TestResult.objects.filter(submission=submission).values_list("index", flat=True)) == [0, 1]
    wait_for(lambda: pooled(pids), timeout=180, what="the pool to refill on its own")
    stop_worker(worker)  # its warm pool goes with it
    wait_for(lambda: not sandboxes_of(pids), timeout=90, what="no sandbox left behind")


def pooled(pids: set[int]) -> list[str]:
    """Warm sandboxes of these worker processes that are up and waiting for a job."""
    owners = {f"{socket.gethostname()}:{pid}" for pid in pids}
    containers = docker.from_env().containers.list(filters={"label": POOL_LABEL})
    return [c.name for c in containers if c.labels.get(WORKER_LABEL) in owners]
