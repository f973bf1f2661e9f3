"""A burst: 200 Run submissions from 20 users at once, through the real queue and a real worker, are each
graded exactly once (one final result, no duplicate test rows), and no sandbox is left behind.

The worker runs with the platform's concurrency (TJ_WORKERS, as scripts/up.sh uses it); the burst's total
time is printed. TJ_BURST_SUBMISSIONS makes the burst smaller for a quick local check."""

from __future__ import annotations

import os
import time
from collections import Counter

import pytest
from django.contrib.auth.models import User

from judge.models import Submission, TestResult
from judge.tasks import enqueue
from tests.conftest import stop_worker
from tests.integration.faults import graded_lines, new_submission, process_group, sandboxes_of, wait_for

pytestmark = pytest.mark.integration
SUBMISSIONS = int(os.environ.get("TJ_BURST_SUBMISSIONS", "200"))
USERS = 20
SAMPLE_TESTS = 2  # stable-softmax's visible samples: what a Run grades


def test_a_burst_of_submissions_is_graded_exactly_once(problems, worker_factory):
    concurrency = int(os.environ.get("TJ_WORKERS", "1"))
    worker = worker_factory(concurrency=concurrency, TJ_POOL_SIZE="")  # the default warm pool, as in production
    pids = process_group(worker)
    users = [User.objects.create_user(f"burst-{i}") for i in range(USERS)]
    submissions = [new_submission(users[i % USERS]) for i in range(SUBMISSIONS)]
    ids = [s.pk for s in submissions]
    done = Submission.objects.filter(pk__in=ids, status__in=[Submission.Status.FINISHED, Submission.Status.FAILED])

    started = time.monotonic()
    for submission in submissions:
        enqueue(submission)
    wait_for(lambda: done.count() == SUBMISSIONS, timeout=120 + SUBMISSIONS * 60 / concurrency,
             what=f"{SUBMISSIONS} gradings")
    seconds = time.monotonic() - started
    print(f"\nburst: {SUBMISSIONS} Run gradings from {USERS} users in {seconds:.0f} s with worker concurrency "
          f"{concurrency} ({SUBMISSIONS / seconds * 60:.1f} a minute)")

    graded = Submission.objects.filter(pk__in=ids)
    assert Counter(graded.values_list("verdict", flat=True)) == {"AC": SUBMISSIONS}
    assert set(graded.values_list("attempts", flat=True)) == {1}  # nothing was claimed twice
    rows = Counter(TestResult.objects.filter(submission__in=ids).values_list("submission_id", flat=True))
    assert rows == dict.fromkeys(ids, SAMPLE_TESTS)
    log = worker.log
    assert [pk for pk in ids if graded_lines(log, Submission(pk=pk)) != 1] == []  # one final result each
    pids |= process_group(worker)  # pool processes replaced during the burst
    stop_worker(worker)  # its warm pool goes with it
    wait_for(lambda: not sandboxes_of(pids), timeout=60, what="no sandbox left behind")
