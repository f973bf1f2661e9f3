"""The sandbox a worker process grades in: its warm pool, made once per process.

A Celery worker process warms its pool as soon as it starts, so its first job already finds a sandbox
waiting. `TJ_POOL_SIZE` sets the number of waiting sandboxes per worker process (0 turns the pool off:
every job gets a cold container); by default it comes from the machine's memory and cores. As many again
wait with transformers and torchvision imported, for the problems built on them.
"""

from __future__ import annotations

import atexit
import os

from celery.signals import worker_process_init, worker_process_shutdown

from graders.config import engine_config
from graders.container import DockerSandbox, Sandbox
from graders.engine import base_spec
from graders.pool import WarmPool, default_size

_pool: WarmPool | None = None


def pool_size() -> int:
    configured = os.environ.get("TJ_POOL_SIZE", "").strip()
    return int(configured) if configured else default_size(int(os.environ.get("TJ_WORKERS", "1")))


def worker_sandbox() -> Sandbox:
    """This process's warm pool (made on first use), or a cold Docker sandbox when the pool is off."""
    global _pool
    size = pool_size()
    if size <= 0:
        return DockerSandbox()
    if _pool is None:
        _pool = WarmPool(base_spec(engine_config()), size, preloaded=size)
        atexit.register(close_pool)
    return _pool


def pool_state() -> dict | None:
    return _pool.status() if _pool is not None else None


def close_pool(**_: object) -> None:
    global _pool
    if _pool is not None:
        _pool.close()
        _pool = None


@worker_process_init.connect
def warm_at_start(**_: object) -> None:
    worker_sandbox()


worker_process_shutdown.connect(close_pool)
