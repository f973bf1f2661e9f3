"""What keeps grading alive, as others can see it: worker heartbeats and the time of the last lost-work sweep.

Both live in Redis (the broker), with expiry, so a dead worker simply disappears and a dead sweeper shows as a
sweep that is getting old. Writing them never fails a grading: a Redis that is down only hides them.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass

import redis
from django.conf import settings

log = logging.getLogger(__name__)
WORKER_KEY = "torchjudge:worker:"
SWEEP_KEY = "torchjudge:last-sweep"
_client: redis.Redis | None = None


def _redis() -> redis.Redis:
    global _client
    if _client is None:
        _client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=5, socket_connect_timeout=5)
    return _client


def beat_interval() -> float:
    """Seconds between worker heartbeats (and lease renewals): a quarter lease, so three may be missed."""
    return settings.TJ_LEASE_S / 4


def record_worker(worker: str, grading: list[int]) -> None:
    """A worker process is alive; it forgets itself after three missed beats."""
    value = json.dumps({"at": time.time(), "grading": grading})
    try:
        _redis().set(WORKER_KEY + worker, value, ex=max(1, round(3 * beat_interval())))
    except redis.RedisError as exc:
        log.warning("could not record the heartbeat of %s: %s", worker, exc)


def record_sweep(resent: int) -> None:
    try:
        _redis().set(SWEEP_KEY, json.dumps({"at": time.time(), "resent": resent}))
    except redis.RedisError as exc:
        log.warning("could not record the sweep: %s", exc)


@dataclass(frozen=True)
class WorkerBeat:
    worker: str
    age_s: float
    grading: list[int]


@dataclass(frozen=True)
class SweepState:
    age_s: float | None  # None: no sweep recorded since Redis started
    resent: int
    stale: bool  # no sweep for three sweep intervals: the sweeper (celery beat) is not running


def workers() -> list[WorkerBeat]:
    """Worker processes whose heartbeat is current, oldest beat first."""
    client = _redis()
    now = time.time()
    beats = []
    for key in client.scan_iter(match=WORKER_KEY + "*", count=500):
        raw = client.get(key)
        if raw is None:  # expired between the scan and the read
            continue
        value = json.loads(raw)
        beats.append(WorkerBeat(key.decode()[len(WORKER_KEY):], now - value["at"], value["grading"]))
    return sorted(beats, key=lambda beat: -beat.age_s)


def last_sweep() -> SweepState:
    raw = _redis().get(SWEEP_KEY)
    if raw is None:
        return SweepState(age_s=None, resent=0, stale=True)
    value = json.loads(raw)
    age = time.time() - value["at"]
    return SweepState(age_s=age, resent=value["resent"], stale=age > 3 * settings.TJ_SWEEP_EVERY_S)
