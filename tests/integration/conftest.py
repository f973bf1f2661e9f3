"""Real Celery workers that a test starts with its own settings, and stops however the test ends."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator

import docker
import pytest

from graders.config import engine_config
from tests.conftest import ROOT, database_url, start_worker, stop_worker, wait_ready


@pytest.fixture
def worker_factory(django_db_blocker, redis_client, tmp_path):
    """start(concurrency=1, **env) -> the worker's process; its log is at `proc.log`.

    Its sandboxes are cold (TJ_POOL_SIZE=0) unless the test asks for a pool: a fault test then knows that a
    running sandbox of the worker is the one grading its submission, not one waiting in the pool."""
    started: list[subprocess.Popen] = []

    def start(concurrency: int = 1, **env: str) -> subprocess.Popen:
        env = {"TJ_POOL_SIZE": "0", **env}
        log = tmp_path / f"worker-{len(started)}.log"
        with django_db_blocker.unblock():
            proc = start_worker(env, log, concurrency=concurrency)
        proc.log = log
        started.append(proc)
        wait_ready(proc, log)
        return proc

    yield start
    for proc in started:
        stop_worker(proc)


@pytest.fixture(scope="session")
def hanging_image() -> Iterator[str]:
    """The sandbox image with a harness that never answers: a worker using it stays mid-grading until killed."""
    client = docker.from_env()
    tag = f"hang-{uuid.uuid4().hex[:8]}"
    container = client.containers.create(engine_config().image, entrypoint=["sleep", "3600"])
    try:
        container.commit(repository="torchjudge-sandbox", tag=tag, changes=['ENTRYPOINT ["sleep", "3600"]'])
    finally:
        container.remove()
    yield f"torchjudge-sandbox:{tag}"
    client.images.remove(f"torchjudge-sandbox:{tag}")


@pytest.fixture
def sweeper_factory(django_db_blocker, redis_client, tmp_path):
    """start(**env) -> `scripts/supervise.sh` running `celery beat`, as scripts/up.sh runs the lost-work sweeper."""
    started: list[subprocess.Popen] = []

    def start(**env: str) -> subprocess.Popen:
        from django.db import connection

        log = tmp_path / f"sweeper-{len(started)}.log"
        env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict),
               "PYTHONPATH": f"{ROOT / 'platform'}:{ROOT}", **env}
        proc = subprocess.Popen(
            ["bash", str(ROOT / "scripts" / "supervise.sh"), "sweeper", sys.executable, "-m", "celery",
             "-A", "torchjudge", "beat", "-l", "info", "--schedule", str(tmp_path / f"schedule-{len(started)}")],
            cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True,
        )
        proc.log = log
        started.append(proc)
        return proc

    yield start
    for proc in started:
        stop_worker(proc)
