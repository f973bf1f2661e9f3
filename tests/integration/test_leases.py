"""Leases with a heartbeat: work lost with a dead worker is re-sent within about a minute (not after the job's
worst case), and a worker that stalls past its lease and comes back never stores a second result."""

from __future__ import annotations

import io
import os
import re
import signal
import time

import docker
import pytest
from django.core.management import call_command
from django.utils import timezone

from graders.engine import GradeResult
from graders.scoring import score
from judge import grading, health, leases
from judge.models import Submission, TestResult
from judge.tasks import enqueue
from tests.integration.faults import (
    SLOW_REFERENCE,
    graded_lines,
    new_submission,
    process_group,
    reload,
    sandboxes_of,
    wait_for,
)

pytestmark = pytest.mark.integration


def test_a_dead_workers_submission_is_resent_within_a_minute_and_graded_once(
        problems, alice, worker_factory, sweeper_factory, hanging_image, redis_client):
    doomed = worker_factory(TJ_SANDBOX_IMAGE=hanging_image)  # default lease and heartbeat
    doomed_pids = process_group(doomed)
    submission = new_submission(alice)
    enqueue(submission)
    wait_for(lambda: sandboxes_of(doomed_pids, running_only=True), what="the doomed worker's sandbox")
    rescuer = worker_factory()  # idle and alive; its start-up sweep finds the submission's lease still held
    redis_client.delete(health.SWEEP_KEY)
    sweeper_factory()  # celery beat with the default sweep interval, as scripts/up.sh runs it
    wait_for(lambda: health.last_sweep().age_s is not None, timeout=180, what="the sweeper's first sweep")
    status = io.StringIO()
    call_command("pool_status", stdout=status)
    assert re.search(rf"#{submission.pk}\b", status.getvalue())  # a worker's heartbeat says it grades it

    os.killpg(doomed.pid, signal.SIGKILL)
    died = time.monotonic()
    try:
        wait_for(lambda: reload(submission).attempts == 2, timeout=120, what="the lost submission to be re-sent")
        resent_after = time.monotonic() - died
        print(f"\nre-sent {resent_after:.0f} s after its worker died")
        # The lease (30 s) runs out, then the next sweep (every 10 s) re-sends it: 30-45 s on an idle machine.
        # Before heartbeats it waited for the job's worst case plus two minutes (about 6 minutes for this Run).
        assert resent_after < 100
        wait_for(lambda: reload(submission).is_done, what="the regrading")
    finally:
        for name in sandboxes_of(doomed_pids):  # the dead worker's hanging sandbox (no new worker reaps it here)
            docker.from_env().containers.get(name).remove(force=True)
    assert submission.verdict == "AC" and submission.attempts == 2
    assert graded_lines(rescuer.log, submission) == 1


def test_a_worker_that_stalls_past_its_lease_never_stores_a_second_result(problems, alice, worker_factory):
    stalled = worker_factory(TJ_LEASE_S="4")  # renews every second while it runs
    submission = new_submission(alice, code=SLOW_REFERENCE)
    enqueue(submission)
    wait_for(lambda: sandboxes_of(process_group(stalled), running_only=True), what="the sandbox to start")
    os.killpg(stalled.pid, signal.SIGSTOP)  # frozen mid-grading: its heartbeat stops, its sandbox runs on
    try:
        wait_for(lambda: reload(submission).lease_expires < timezone.now(), timeout=30,
                 what="the stalled worker's lease to run out")
        rescuer = worker_factory(TJ_SWEEP_AFTER_S="0")  # its start-up sweep re-sends the expired submission
        wait_for(lambda: reload(submission).is_done, what="the second claim's grading")
    finally:
        os.killpg(stalled.pid, signal.SIGCONT)
    assert submission.verdict == "AC" and submission.attempts == 2
    finished_at = submission.finished_at
    # The stalled worker wakes up with its job done too; its claim is fenced off, so it stores nothing.
    wait_for(lambda: re.search(rf"(abandoned|taken over).*{submission.pk}|{submission.pk}.*(abandoned|taken over)",
                               stalled.log.read_text()), timeout=300, what="the stalled worker to give up")
    assert graded_lines(stalled.log, submission) == 0 and graded_lines(rescuer.log, submission) == 1
    assert reload(submission).finished_at == finished_at and submission.attempts == 2
    assert TestResult.objects.filter(submission=submission).count() == 2



def test_a_claim_that_was_taken_over_is_fenced_off(problems, alice):
    """What keeps a stalled worker from writing, on the database alone: every write names the claim's attempt."""
    first = new_submission(alice)
    assert first.claim(lease_seconds=40) and first.attempts == 1
    Submission.objects.filter(pk=first.pk).update(lease_expires=timezone.now() - timezone.timedelta(seconds=1))
    second = Submission.objects.get(pk=first.pk)
    assert second.claim(lease_seconds=40) and second.attempts == 2
    test = {"index": 0, "name": "row", "kind": "sample", "verdict": "AC", "weight": 1}
    result = GradeResult(verdict="AC", message="", tests=[test], timing=None, score=score([test], "AC", None))

    assert not leases.renew(first.pk, 1) and leases.renew(first.pk, 2)
    grading.store_progress(first, 1, test)
    assert not grading.store_result(first, result, attempt=1)
    assert not TestResult.objects.filter(submission=first).exists() and reload(first).status == "running"
    assert grading.store_result(second, result, attempt=2)
    assert reload(first).status == "finished" and TestResult.objects.filter(submission=first).count() == 1
