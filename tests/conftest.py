"""Shared fixtures: a real Celery worker against the test database, and users.

Integration tests use the real services the test command brings up (PostgreSQL, Redis, the Docker engine
and the sandbox image); nothing here fakes them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent


def database_url(db: dict) -> str:
    """A DATABASE_URL for the test database, so another process can open the same one."""
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(env_overrides: dict[str, str], log: Path, queues: str = "cpu",
                 concurrency: int = 1) -> subprocess.Popen:
    from django.db import connection

    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict),
           "PYTHONPATH": f"{ROOT / 'platform'}:{ROOT}", **env_overrides}
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "torchjudge", "worker", "-Q", queues, "--concurrency", str(concurrency),
         "--without-gossip", "--without-mingle", "-l", "info", "-n", f"test-{os.getpid()}-{time.time_ns()}@%h"],
        cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True,
    )


def stop_worker(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def wait_ready(proc: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the Celery worker exited early:\n{log.read_text()[-3000:]}")
        if b"ready." in log.read_bytes():
            return
        time.sleep(0.3)
    raise RuntimeError(f"the Celery worker did not start:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing(django_test_environment) -> Iterator[None]:
    """Django's own hasher spends most of a second of CPU on each password by design, and the suite creates
    and logs in users hundreds of times: in this process (servers included) a cheap hasher stands in."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def bank_generation_read_every_time(monkeypatch) -> None:
    """A process asks Redis for the bank's generation at most once a second (`judge.problem_list`); tests clear
    the cache and roll the database back far more often than that, so here each read asks. The recheck itself
    is tested in tests/web/test_problem_list.py."""
    monkeypatch.setattr("judge.problem_list.GENERATION_RECHECK_S", 0.0)


@pytest.fixture(scope="session")
def redis_client() -> redis.Redis:
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    client.ping()  # the test command starts Redis; an error here means it did not
    return client


@pytest.fixture(scope="module")
def celery_worker_process(django_db_setup, django_db_blocker, redis_client, tmp_path_factory) -> Iterator[None]:
    """A real Celery worker (its own process) grading from the real broker into the test database.

    Module-scoped: it stops when its module ends, so it never competes for tasks with the workers that the
    durability tests start with their own faults injected. Its pool keeps one sandbox of each flavour
    waiting, not the production default of two: these tests grade a few submissions one at a time, and each
    extra waiting sandbox costs 2.5 CPU-s (5.5 s preloaded) that the suite's other tests then wait for."""
    redis_client.flushdb()
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    with django_db_blocker.unblock():
        proc = start_worker({"TJ_POOL_SIZE": "1"}, log)
    try:
        wait_ready(proc, log)
        yield
    finally:
        stop_worker(proc)
        print(f"\n--- celery worker log (tail) ---\n{log.read_text()[-2000:]}")


@pytest.fixture
def problems(transactional_db) -> None:
    """The real bank's sample problem, imported the way `sync_problems` does it."""
    from graders.cli import PROBLEMS
    from judge.sync import sync_problems

    report = sync_problems(PROBLEMS, ["stable-softmax"])
    assert not report.errors, report.errors


@pytest.fixture
def password() -> str:
    return "correct-horse-battery-staple-42"


@pytest.fixture
def alice(transactional_db, password):
    from django.contrib.auth.models import User

    return User.objects.create_user("alice", password=password)
