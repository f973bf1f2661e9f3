"""A small REST client for the benchmarks: users with tokens, submit, poll until done.

Users are made directly in the platform's database (the same settings and DATABASE_URL as the running
site), one per request where needed, so the per-user grading rate limits never throttle a benchmark.
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tokens(count: int, prefix: str) -> list[str]:
    """API tokens of `count` benchmark users (created on first use)."""
    sys.path[:0] = [str(ROOT / "platform"), str(ROOT)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torchjudge.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from rest_framework.authtoken.models import Token

    keys = []
    for i in range(count):
        user, _ = User.objects.get_or_create(username=f"{prefix}-{i}")
        keys.append(Token.objects.get_or_create(user=user)[0].key)
    return keys


def call(base: str, path: str, token: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(
        base + path, data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def submit(base: str, token: str, slug: str, code: str, mode: str) -> int:
    return call(base, "/api/submissions/", token, {"problem": slug, "mode": mode, "code": code})["id"]


def wait_done(base: str, token: str, pk: int, timeout: float = 300, every: float = 0.02) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = call(base, f"/api/submissions/{pk}/", token)
        if state["done"]:
            return state
        time.sleep(every)
    raise TimeoutError(f"submission {pk} not done after {timeout} s")


def reference(slug: str) -> str:
    return (ROOT / "problems" / slug / "reference.py").read_text()
