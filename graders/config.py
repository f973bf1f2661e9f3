"""The grading engine's settings, read from the environment.

The Celery worker, `manage.py judge` and `python -m graders.cli` all build their EngineConfig here, so every
path grades with the same image, salt and resources.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from graders.engine import EngineConfig
from graders.image_tag import image_tag

ROOT = Path(__file__).resolve().parent.parent
VAR = Path(os.environ.get("TJ_VAR_DIR", ROOT / "var"))
CACHE_DIR = Path(os.environ.get("TJ_CACHE_DIR", Path.home() / ".cache" / "torchjudge"))


def kept_secret(name: str) -> str:
    """A random secret generated once and kept in var/ (for local runs; production sets it in the environment)."""
    path = VAR / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def engine_config() -> EngineConfig:
    return EngineConfig(
        image=os.environ.get("TJ_SANDBOX_IMAGE") or f"torchjudge-sandbox:{image_tag()}",
        salt=os.environ.get("TJ_HIDDEN_SALT") or kept_secret("hidden-salt"),
        cpus=float(os.environ.get("TJ_SANDBOX_CPUS", "2")),
        cpuset=os.environ.get("TJ_SANDBOX_CPUSET") or None,
        threads=int(os.environ.get("TJ_SANDBOX_THREADS", "1")),
        gpu=os.environ.get("TJ_GPU") or None,
        pids=int(os.environ.get("TJ_SANDBOX_PIDS", "128")),
    )
