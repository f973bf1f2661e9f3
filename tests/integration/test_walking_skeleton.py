"""Issue #2's end-to-end path, over real HTTP: form post → Django → Celery/Redis → Docker sandbox → page."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import requests

SOFTMAX = Path(__file__).resolve().parents[2] / "problems" / "stable-softmax"


def log_in(base: str, username: str, password: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(f"{base}/accounts/login/", data={
        "username": username, "password": password, "csrfmiddlewaretoken": token,
    }, headers={"Referer": f"{base}/accounts/login/"})
    assert response.ok and "Log out" in response.text
    return session


def submit_through_form(session: requests.Session, base: str, code: str, mode: str = "submit") -> str:
    page = session.get(f"{base}/problems/stable-softmax/")
    assert page.ok
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(f"{base}/problems/stable-softmax/submit/", data={
        "code": code, "mode": mode, "csrfmiddlewaretoken": token,
    }, headers={"Referer": page.url})
    assert response.ok, response.text[:500]
    assert re.search(r"/submissions/\d+/$", response.url), response.url
    return response.url


def wait_for_verdict(session: requests.Session, submission_url: str, timeout: float = 240) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = session.get(submission_url + "status.json").json()
        if status["done"]:
            return status
        time.sleep(1)
    raise AssertionError(f"no verdict within {timeout} s: {status}")


@pytest.mark.integration
def test_reference_is_accepted_and_wrong_answer_is_rejected(problems, alice, password, live_server,
                                                            celery_worker_process):
    session = log_in(live_server.url, "alice", password)

    accepted_url = submit_through_form(session, live_server.url, (SOFTMAX / "reference.py").read_text())
    wrong_url = submit_through_form(session, live_server.url, (SOFTMAX / "wrong" / "naive.py").read_text())

    accepted = wait_for_verdict(session, accepted_url)
    assert accepted["verdict"] == "AC", accepted
    assert accepted["speedup"] and accepted["speedup"] > 0
    assert "Accepted" in session.get(accepted_url).text

    wrong = wait_for_verdict(session, wrong_url)
    assert wrong["verdict"] == "WA", wrong
    failing = [r for r in wrong["results"] if r["verdict"] == "WA"]
    assert failing and all(r["kind"] == "hidden" for r in failing)
    assert "Wrong Answer" in session.get(wrong_url).text
