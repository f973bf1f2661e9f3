"""The warm pool, against the real Docker engine: pre-started, single-use, healthy, and as isolated as a
cold sandbox."""

from __future__ import annotations

import time
from pathlib import Path

import docker
import pytest

from graders.config import engine_config
from graders.container import worker_id
from graders.engine import base_spec, grade
from graders.package import load_package, read_folder
from graders.pool import WarmPool, pooled_containers
from tests.integration.sandbox import REFERENCE, softmax_package

pytestmark = pytest.mark.integration
PROBLEMS = Path(__file__).resolve().parents[2] / "problems"


@pytest.fixture
def pool():
    warm = WarmPool(base_spec(engine_config()), size=1, preloaded=0)
    yield warm
    warm.close()


def wait_idle(pool: WarmPool, count: int = 1, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while pool.status()["idle"] < count:
        assert time.monotonic() < deadline, pool.status()
        time.sleep(0.2)


def waiting(pool: WarmPool) -> list[str]:
    """Short ids of this pool's containers that Docker lists as running and that were never given a job."""
    mine = {w.cid[:12] for kind in pool.idle.values() for w in kind}
    return [row["id"] for row in pooled_containers(docker.from_env())
            if row["id"] in mine and row["worker"] == worker_id() and row["state"] == "running"]


def grade_run(pool: WarmPool, code: str):
    return grade(softmax_package(), code, "run", pool, engine_config())


def test_a_job_takes_a_prestarted_sandbox_that_serves_no_other_job(pool):
    wait_idle(pool)
    first = grade_run(pool, REFERENCE + """
import os
open("/tmp/left-by-the-first-job", "w").write("secret")
os.environ["LEFT_BY_THE_FIRST_JOB"] = "1"
""")
    assert first.verdict == "AC", first.message
    wait_idle(pool)
    second = grade_run(pool, REFERENCE + """
import os
assert not os.path.exists("/tmp/left-by-the-first-job")
assert "LEFT_BY_THE_FIRST_JOB" not in os.environ
""")
    assert second.verdict == "AC", second.tests
    status = pool.status()
    assert status["handed_out"] == 2 and status["cold_starts"] == 0, status
    assert len(pool.used) == 2  # two different containers


def test_a_sandbox_that_died_while_waiting_is_never_given_a_job_and_is_replaced(pool):
    wait_idle(pool)
    (dead,) = waiting(pool)
    docker.from_env().api.kill(dead)
    result = grade_run(pool, REFERENCE)
    assert result.verdict == "AC", result.message
    assert not any(cid.startswith(dead) for cid in pool.used)
    wait_idle(pool)  # refilled on its own


def test_the_pool_refills_after_its_containers_vanish_as_in_an_engine_restart(pool):
    wait_idle(pool)
    (vanished,) = waiting(pool)
    pool.sandbox.remove(vanished)
    wait_idle(pool)
    assert waiting(pool) != [vanished]
    result = grade_run(pool, REFERENCE)
    assert result.verdict == "AC", result.message


def test_nothing_from_the_wait_reaches_the_submission(pool):
    wait_idle(pool)
    result = grade_run(pool, REFERENCE + """
import os, threading
_fds = sorted(int(fd) for fd in os.listdir("/proc/self/fd"))
_threads = os.listdir("/proc/self/task")
_env = dict(os.environ)
assert len(_threads) == 1, _threads  # no thread of the waiting period
assert len(_fds) <= 7, _fds  # stdin, stdout, stderr, the request/reply pipes, its own memfd, listdir's own
assert not any(word in key for key in _env for word in ("KEY", "SALT", "SECRET")), sorted(_env)
assert os.read(0, 1) == b""  # stdin is /dev/null: the job never came this way
""")
    assert result.verdict == "AC", result.message


def test_while_a_job_is_timed_the_rest_of_the_pool_is_frozen_and_none_starts(pool):
    wait_idle(pool)
    (waiting_id,) = waiting(pool)
    api = docker.from_env().api
    pool._hush()  # what a timed job does around its run
    try:
        assert api.inspect_container(waiting_id)["State"]["Paused"] is True
        taken = pool.take(())  # a concurrent job may still take it: thawed first
        assert taken is not None and taken.cid.startswith(waiting_id)
        assert api.inspect_container(waiting_id)["State"]["Paused"] is False
        time.sleep(3)
        assert pool.status()["idle"] == 0 and pool.status()["starting"] == 0  # no warm-up while timed
    finally:
        pool._unhush()
    wait_idle(pool)  # the replacement starts once the timing is over
    pool.sandbox.remove(taken.cid)


def test_a_timed_job_starts_only_once_the_last_used_container_is_gone(pool):
    """A job returns at its verdict and its container is killed and removed in the background; a timed job
    that follows at once must not have that teardown inside its timing."""
    wait_idle(pool)
    used = pool.take(())
    assert used is not None
    pool.retire(used.cid)  # as at the end of a job: the removal is under way in the background
    pool._hush()  # what a timed job does before its run
    try:
        assert docker.from_env().api.containers(all=True, filters={"id": used.cid}) == []
        assert pool.retiring == 0
    finally:
        pool._unhush()


def test_a_problem_built_on_transformers_takes_a_sandbox_that_imported_it_while_waiting():
    bert = load_package(read_folder(PROBLEMS / "bert-sequence-classification-head"), "bert")
    assert bert.preload == ("transformers",) and softmax_package().preload == ()
    with WarmPool(base_spec(engine_config()), size=1, preloaded=1) as warm:
        deadline = time.monotonic() + 180
        while (warm.status()["idle"], warm.status()["idle_preloaded"]) != (1, 1):
            assert time.monotonic() < deadline, warm.status()
            time.sleep(0.2)
        plain = grade_run(warm, REFERENCE + """
import sys
assert "transformers" not in sys.modules  # a plain job never takes the preloaded sandbox
""")
        assert plain.verdict == "AC", plain.tests
        assert warm.status()["idle_preloaded"] == 1
        result = grade(bert, bert.reference + """
import sys
assert "transformers.models.bert.modeling_bert" in sys.modules  # imported before the job existed
""", "run", warm, engine_config())
        assert result.verdict == "AC", (result.message, result.tests)
        assert warm.status()["cold_starts"] == 0 and warm.status()["handed_out"] == 2
