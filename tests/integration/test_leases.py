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

from judge.models import TestResult
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
        problems, alice, worker_factory, sweeper_factory, hanging_image):
    doomed = worker_factory(TJ_SANDBOX_IMAGE=hanging_image)  # default lease and heartbeat
    doomed_pids = process_group(doomed)
    submission = new_submission(alice)
    enqueue(submission)
    wait_for(lambda: sandboxes_of(doomed_pids, running_only=True), what="the doomed worker's sandbox")
    rescuer = worker_factory()  # idle and alive; its start-up sweep finds the submission's lease still held
    sweeper_factory()  # celery beat with the default sweep interval, as scripts/up.sh runs it
    status = io.StringIO()
    call_command("pool_status", stdout=status)
    assert re.search(rf"#{submission.pk}\b", status.getvalue())  # a worker's heartbeat says it grades it

    os.killpg(doomed.pid, signal.SIGKILL)
    died = time.monotonic()
    try:
        wait_for(lambda: reload(submission).attempts == 2, timeout=120, what="the lost submission to be re-sent")
        resent_after = time.monotonic() - died
        print(f"\nre-sent {resent_after:.0f} s after its worker died")
        assert resent_after < 75  # the lease (40 s) runs out, then the next sweep (every 15 s) re-sends it
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

