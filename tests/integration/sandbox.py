"""Helpers for tests that grade real code in the real Docker sandbox (no database needed)."""

from __future__ import annotations

from pathlib import Path

import docker
import yaml

from graders.config import engine_config
from graders.container import WORKER_LABEL, DockerSandbox, worker_id
from graders.engine import GradeResult, grade
from graders.package import ProblemPackage, load_package, read_folder

SOFTMAX = Path(__file__).resolve().parents[2] / "problems" / "stable-softmax"


def softmax_package(timing: dict[str, float] | None = None, **limits: float) -> ProblemPackage:
    """The stable-softmax package, with tighter limits so failing tests fail fast."""
    files = read_folder(SOFTMAX)
    meta = yaml.safe_load(files["problem.yaml"])
    meta["limits"] = {**meta.get("limits", {}), **limits}
    meta["timing"] = {**meta.get("timing", {}), **(timing or {})}
    files["problem.yaml"] = yaml.safe_dump(meta)
    return load_package(files, "problems/stable-softmax")


def run(code: str, mode: str = "run", timing: dict[str, float] | None = None, **limits: float) -> GradeResult:
    return grade(softmax_package(timing, **limits), code, mode, DockerSandbox(), engine_config())


def leftover_containers() -> list[str]:
    """Sandbox containers this test process started that still exist (other developers' are not ours)."""
    client = docker.from_env()
    return [c.name for c in client.containers.list(all=True, filters={"label": f"{WORKER_LABEL}={worker_id()}"})]


REFERENCE = (SOFTMAX / "reference.py").read_text()
