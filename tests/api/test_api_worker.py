"""The API end to end: submit through the API and poll until the real worker has graded it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]


def poll(api, pk: int, timeout: float = 180) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = api.get(f"/api/submissions/{pk}/").json()
        if body["done"]:
            return body
        time.sleep(1)
    raise AssertionError(f"submission {pk} not graded in {timeout} s: {body}")


def test_submit_and_poll_to_accepted(api, problems, celery_worker_process, monkeypatch):
    monkeypatch.undo()  # the shared no_queue fixture: here the real queue is the point
    code = (ROOT / "problems/stable-softmax/reference.py").read_text()
    created = api.post("/api/submissions/", {"problem": "stable-softmax", "code": code, "mode": "submit"},
                       format="json")
    assert created.status_code == 201, created.content
    body = poll(api, created.json()["id"])
    assert body["verdict"] == "AC", (body["verdict"], body["message"])
    assert body["speedup"] is not None and body["user_ms"] > 0 and body["ref_ms"] > 0
    assert {r["kind"] for r in body["results"]} >= {"sample", "hidden"}
    assert all(r["details"] is None and r["message"] == "" for r in body["results"] if r["kind"] == "hidden")
