"""A grading worker's heartbeat: while a process holds submissions, it keeps renewing their short leases.

A lease is TJ_LEASE_S long and renewed every quarter of that, so work lost with a dead worker is re-sent by the
sweeper within about a minute, however long its job may rightly run. Each claim is fenced by its attempt
number: when a renewal finds that a later claim took a submission over (this worker stalled past its lease),
the worker learns it lost the submission and stores nothing more for it.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from graders.container import worker_id
from judge.health import beat_interval, record_worker
from judge.models import Submission

log = logging.getLogger(__name__)


class LeaseLost(Exception):
    """A later claim took the submission over: this worker's grading of it no longer counts."""


_lock = threading.Lock()
_held: dict[int, int] = {}  # submission id -> the attempt this process's claim got
_lost: set[int] = set()
_beating_in: int | None = None  # the process whose heartbeat thread runs (a forked child has none)


def ensure_beating() -> None:
    """Start this process's heartbeat thread once (again in a forked child: threads do not survive a fork)."""
    global _beating_in
    with _lock:
        if _beating_in == os.getpid():
            return
        _beating_in = os.getpid()
        _held.clear()
        _lost.clear()
    threading.Thread(target=_beat_forever, name="torchjudge-heartbeat", daemon=True).start()


@contextmanager
def hold(submission_id: int, attempt: int) -> Iterator[Callable[[], bool]]:
    """Keep the lease of a claimed submission alive while the block runs; yields 'has the lease been lost?'."""
    ensure_beating()
    with _lock:
        _held[submission_id] = attempt
    _publish()
    try:
        yield lambda: submission_id in _lost
    finally:
        with _lock:
            _held.pop(submission_id, None)
            _lost.discard(submission_id)
        _publish()


def _publish() -> None:
    """Tell pool_status at once what this process grades, rather than at its next beat."""
    with _lock:
        held = sorted(_held)
    record_worker(worker_id(), held)


def renew(submission_id: int, attempt: int) -> bool:
    """Push the lease out; False when the claim is no longer this worker's."""
    expires = timezone.now() + timezone.timedelta(seconds=settings.TJ_LEASE_S)
    try:
        return bool(Submission.objects.filter(pk=submission_id, status=Submission.Status.RUNNING,
                                              attempts=attempt).update(lease_expires=expires))
    except DatabaseError as exc:  # the database restarts: reconnect on the next beat; the fence decides later
        log.warning("could not renew the lease of submission %s: %s", submission_id, exc)
        connection.close()
        return True


def beat_once() -> None:
    with _lock:
        held = dict(_held)
    for submission_id, attempt in held.items():
        if not renew(submission_id, attempt):
            log.warning("submission %s (attempt %s) was taken over by another claim", submission_id, attempt)
            with _lock:
                if _held.get(submission_id) == attempt:
                    _lost.add(submission_id)
    _publish()


def _beat_forever() -> None:
    while True:
        try:
            beat_once()
        except Exception:  # noqa: BLE001 - the heartbeat must outlive any one failed beat
            log.exception("heartbeat failed")
        time.sleep(beat_interval())
