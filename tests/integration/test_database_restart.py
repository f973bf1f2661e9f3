"""PostgreSQL is restarted while a worker grades: the worker reconnects and stores the result, once.

This restarts the real cluster that holds the test database, which ends every connection to it."""

from __future__ import annotations

import pytest
from django.db import connection

from judge.models import TestResult
from judge.tasks import enqueue
from tests.integration.faults import (
    SLOW_REFERENCE,
    graded_lines,
    new_submission,
    process_group,
    reload,
    restart_postgres,
    sandboxes_of,
    wait_for,
)

pytestmark = pytest.mark.integration


def test_a_database_restart_mid_grading_loses_nothing(problems, alice, worker_factory):
    assert connection.vendor == "postgresql", "this fault test restarts PostgreSQL: run it with DATABASE_URL set"
    worker = worker_factory()
    submission = new_submission(alice, code=SLOW_REFERENCE)
    enqueue(submission)
    wait_for(lambda: sandboxes_of(process_group(worker), running_only=True), what="the sandbox to start")

    restart_postgres()  # the worker's connection (and the heartbeat's) dies while its sandbox still runs

    wait_for(lambda: reload(submission).is_done, timeout=300, what="the result to be stored")
    assert submission.status == "finished" and submission.verdict == "AC", submission.message
    assert submission.attempts == 1  # the same worker reconnected and stored its result: no regrading
    assert graded_lines(worker.log, submission) == 1
    assert sorted(TestResult.objects.filter(submission=submission).values_list("index", flat=True)) == [0, 1]
