"""The lost-work sweeper runs in its own supervised process (celery beat under scripts/supervise.sh, as
scripts/up.sh runs it): killed, it is started again and sweeping goes on; stopped for good, `pool_status`
shows it as stale."""

from __future__ import annotations

import io
import os
import signal
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from judge import health
from tests.integration.faults import wait_for

pytestmark = pytest.mark.integration
EVERY_S = 2


def children(proc) -> list[int]:
    """The live processes the supervisor started."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == proc.pid and fields[0] not in ("Z", "X"):
            pids.append(int(stat.parent.name))
    return pids


def swept_since(moment: float) -> bool:
    sweep = health.last_sweep()
    return sweep.age_s is not None and time.time() - sweep.age_s > moment


def pool_status() -> str:
    out = io.StringIO()
    call_command("pool_status", stdout=out)
    return out.getvalue()


def test_a_killed_sweeper_is_started_again_and_a_stopped_one_shows_as_stale(
        transactional_db, worker_factory, sweeper_factory, redis_client, settings):
    settings.TJ_SWEEP_EVERY_S = EVERY_S  # what pool_status, here, expects
    redis_client.delete(health.SWEEP_KEY)
    worker_factory()  # runs the sweeps that beat sends
    supervisor = sweeper_factory(TJ_SWEEP_EVERY_S=str(EVERY_S))
    (beat,) = wait_for(lambda: children(supervisor), timeout=30, what="the sweeper process")
    wait_for(lambda: swept_since(0), timeout=120, what="a first sweep")
    assert "sweeper: ok" in pool_status()

    os.kill(beat, signal.SIGKILL)  # the sweeper's process dies
    killed = time.time()
    wait_for(lambda: [pid for pid in children(supervisor) if pid != beat], timeout=30, what="a new sweeper process")
    wait_for(lambda: swept_since(killed), timeout=120, what="sweeping to go on")
    assert "sweeper: ok" in pool_status()
    assert "sweeper exited" in supervisor.log.read_text()

    os.killpg(supervisor.pid, signal.SIGKILL)  # supervisor and sweeper both gone: nothing sweeps any more
    supervisor.wait()
    stopped = time.time()
    wait_for(lambda: "sweeper: STALE" in pool_status(), timeout=4 * EVERY_S + 30, what="pool_status to say STALE")
    assert time.time() - stopped >= 2 * EVERY_S  # a sweep or two late is only late; three is stale
