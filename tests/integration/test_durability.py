"""Nothing is lost: infrastructure errors are retried, a dead worker's job and a restarted Redis's queue are
recovered, and a redelivered task never grades a submission twice. Real worker processes, real Redis."""

from __future__ import annotations

import os
import subprocess
import uuid

import docker
import pytest
from django.utils import timezone

from graders.config import engine_config
from judge.tasks import enqueue
from tests.integration.faults import new_submission, process_group, reload, sandboxes_of, wait_for
from tests.integration.sandbox import leftover_containers

pytestmark = pytest.mark.integration


def test_an_infrastructure_fault_is_an_internal_error_that_is_retried(problems, alice, worker_factory):
    real_image = engine_config().image
    fault_image = f"torchjudge-sandbox:fault-{uuid.uuid4().hex[:8]}"
    worker_factory(TJ_SANDBOX_IMAGE=fault_image, TJ_RETRY_DELAYS="6,6,6")
    submission = new_submission(alice)
    enqueue(submission)
    wait_for(lambda: reload(submission).attempts >= 1 and submission.status == "queued", what="a failed attempt")
    assert "internal error, retrying" in submission.message and "is missing" in submission.message

    client = docker.from_env()
    client.images.get(real_image).tag(fault_image)  # the fault is repaired before the retry
    try:
        wait_for(lambda: reload(submission).is_done, what="the retried grading")
    finally:
        client.images.remove(fault_image)
    assert submission.verdict == "AC" and submission.status == "finished"
    assert submission.attempts >= 2


def test_after_the_last_retry_the_submission_fails_with_internal_error(problems, alice, worker_factory):
    worker_factory(TJ_SANDBOX_IMAGE="torchjudge-sandbox:never-built", TJ_RETRY_DELAYS="1,1")
    submission = new_submission(alice)
    enqueue(submission)
    wait_for(lambda: reload(submission).is_done, what="giving up")
    assert submission.status == "failed" and submission.verdict == "IE"
    assert submission.attempts == 3


def test_a_dead_workers_submission_is_recovered_by_the_next_worker(problems, alice, worker_factory, hanging_image):
    # The first worker's sandboxes never finish, so it is mid-grading for certain when it dies, however
    # fast or loaded the machine is; its short lease runs out as soon as its heartbeat stops.
    first = worker_factory(TJ_SANDBOX_IMAGE=hanging_image, TJ_LEASE_S="4")
    submission = new_submission(alice)
    enqueue(submission)
    wait_for(lambda: sandboxes_of(process_group(first), running_only=True), what="the first worker's sandbox")
    assert reload(submission).status == "running" and submission.attempts == 1
    os.killpg(first.pid, 9)  # the worker dies mid-grading; its container is orphaned
    first.wait()
    wait_for(lambda: reload(submission).lease_expires < timezone.now(), timeout=30, what="the dead worker's lease")
    worker_factory(TJ_SWEEP_AFTER_S="0")  # a new worker reaps orphans and sweeps lost work on start
    wait_for(lambda: reload(submission).is_done, what="recovery")
    assert submission.verdict == "AC" and submission.attempts == 2
    wait_for(lambda: not leftover_containers() and not _orphans(), timeout=60, what="orphans to be reaped")


def _orphans() -> list[str]:
    client = docker.from_env()
    listed = client.api.containers(all=True, filters={"label": "torchjudge.sandbox"})  # no per-container inspect
    return [c["Names"][0] for c in listed
            if (c.get("Labels") or {}).get("torchjudge.worker", "").endswith(tuple(f":{p}" for p in _dead_pids(c)))]


def _dead_pids(container: dict) -> list[int]:
    owner = (container.get("Labels") or {}).get("torchjudge.worker", "")
    pid = owner.rpartition(":")[2]
    if pid.isdigit():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return [int(pid)]
    return []


def test_a_restarted_redis_loses_nothing(problems, alice, worker_factory, redis_client):
    submission = new_submission(alice)
    enqueue(submission)  # queued while no worker runs
    port = redis_client.connection_pool.connection_kwargs.get("port", 6379)
    subprocess.run(["redis-cli", "-p", str(port), "shutdown", "nosave"], check=False)
    subprocess.run(["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", str(port),
                    "--save", "", "--appendonly", "no"], check=True)
    wait_for(lambda: _pings(redis_client), timeout=20, what="Redis to come back")
    assert redis_client.llen("cpu") == 0  # the queued task is gone with the old Redis
    worker_factory(TJ_SWEEP_AFTER_S="0")
    wait_for(lambda: reload(submission).is_done, what="the swept submission")
    assert submission.verdict == "AC"


def _pings(client) -> bool:
    try:
        return client.ping()
    except Exception:  # noqa: BLE001 - not up yet
        return False


def test_a_redelivered_task_never_grades_twice(problems, alice):
    submission = new_submission(alice)
    assert submission.claim(lease_seconds=600)
    assert not reload(submission).claim(lease_seconds=600)  # a second delivery finds it running
    assert submission.attempts == 1
    with pytest.raises(ValueError, match="illegal submission transition"):
        submission.transition("finished", "running")
