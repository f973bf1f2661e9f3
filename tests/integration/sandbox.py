"""Helpers for tests that grade real code in the real Docker sandbox (no database needed)."""

from __future__ import annotations

import atexit
import time
from pathlib import Path

import docker
import yaml

from graders.config import engine_config
from graders.container import WORKER_LABEL, worker_id
from graders.engine import GradeResult, base_spec, grade
from graders.package import ProblemPackage, load_package, read_folder
from graders.pool import POOL_LABEL, WarmPool

SOFTMAX = Path(__file__).resolve().parents[2] / "problems" / "stable-softmax"


def python_in_image(script: str) -> str:
    """Run a Python script in the sandbox image as the runners' uid, read-only and offline: its output."""
    return docker.from_env().containers.run(
        engine_config().image, ["-I", "-c", script], entrypoint="python3", remove=True, read_only=True,
        tmpfs={"/tmp": ""}, network_disabled=True, user="10001:10001").decode()


def softmax_package(timing: dict[str, float] | None = None, **limits: float) -> ProblemPackage:
    """The stable-softmax package, with tighter limits so failing tests fail fast."""
    files = read_folder(SOFTMAX)
    meta = yaml.safe_load(files["problem.yaml"])
    meta["limits"] = {**meta.get("limits", {}), **limits}
    meta["timing"] = {**meta.get("timing", {}), **(timing or {})}
    files["problem.yaml"] = yaml.safe_dump(meta)
    return load_package(files, "problems/stable-softmax")


_pool: WarmPool | None = None


def pool() -> WarmPool:
    """The warm pool these tests grade through, as a worker does (one per test process)."""
    global _pool
    if _pool is None:
        _pool = WarmPool(base_spec(engine_config()), size=1)
        atexit.register(_pool.close)
    return _pool


def run(code: str, mode: str = "run", timing: dict[str, float] | None = None, **limits: float) -> GradeResult:
    return grade(softmax_package(timing, **limits), code, mode, pool(), engine_config())


def leftover_containers(wait_s: float = 15.0) -> list[str]:
    """Sandbox containers this test process used that still exist: cold ones, and pooled ones that were
    given a job (other developers' are not ours, and the pool's waiting ones are not used yet). Used
    containers are removed in the background: wait for that."""
    client = docker.from_env()
    deadline = time.monotonic() + wait_s
    while True:
        # The low-level listing: one call, no per-container inspect that a concurrent removal turns into a 404.
        ours = client.api.containers(all=True, filters={"label": f"{WORKER_LABEL}={worker_id()}"})
        used = _pool.used if _pool is not None else set()
        left = [c["Names"][0] for c in ours if POOL_LABEL not in (c.get("Labels") or {}) or c["Id"] in used]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.2)


REFERENCE = (SOFTMAX / "reference.py").read_text()
