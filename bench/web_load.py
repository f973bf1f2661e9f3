"""Page latency under a class: many clients at once on the pages everyone opens, against a running server.

    .venv/bin/python bench/web_load.py [--base http://127.0.0.1:8000] [--clients 50] [--seconds 20]

Run it against the server `scripts/up.sh` starts (gunicorn, DEBUG=0, whitenoise), with the same DATABASE_URL
in the environment: it makes a benchmark user and one finished submission directly in the database, logs in
through the site, then for each page keeps `--clients` clients requesting it back to back for `--seconds`.
The problem list, the problem page and the status JSON are fetched logged in (with the user's own status);
`/api/problems/` anonymously, as a script would. Prints a Markdown table (p50, p95, requests/s) for
docs/benchmarks.md, and exits 1 when a p95 is over `--goal-ms` or any request failed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
USERNAME, PASSWORD = "bench-web", "bench-web-password-1687"


def finished_submission(slug: str) -> int:
    """The benchmark user (made on first use) and a finished Run of `slug` with a sample row: its id."""
    sys.path[:0] = [str(ROOT / "platform"), str(ROOT)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torchjudge.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User

    from judge.models import Problem, Submission, TestResult

    user, created = User.objects.get_or_create(username=USERNAME)
    if created:
        user.set_password(PASSWORD)
        user.save()
    problem = Problem.visible().get(slug=slug)
    submission = Submission.objects.filter(user=user, problem=problem, status=Submission.Status.FINISHED).first()
    if submission is None:
        submission = Submission.objects.create(
            user=user, problem=problem, version=problem.live_version, mode=Submission.Mode.RUN,
            code=problem.package().reference, status=Submission.Status.FINISHED, verdict=Submission.Verdict.AC)
        TestResult.objects.create(submission=submission, index=0, name="row", kind="sample", verdict="AC",
                                  time_ms=1.0, details={"details": {"input": "{'x': tensor([[1., 2.]])}",
                                                                    "expected": "tensor([[0.2689, 0.7311]])",
                                                                    "actual": "tensor([[0.2689, 0.7311]])"}})
    return submission.pk


def session_cookie(base: str) -> str:
    """Log in through the site's own form, as a browser does."""
    http = requests.Session()
    http.get(f"{base}/accounts/login/", timeout=30).raise_for_status()
    response = http.post(f"{base}/accounts/login/", timeout=30, allow_redirects=False,
                         data={"username": USERNAME, "password": PASSWORD,
                               "csrfmiddlewaretoken": http.cookies["csrftoken"]},
                         headers={"Referer": f"{base}/accounts/login/"})
    if "sessionid" not in http.cookies:
        raise SystemExit(f"could not log in as {USERNAME} (HTTP {response.status_code})")
    return http.cookies["sessionid"]


def load(url: str, clients: int, seconds: float, cookies: dict[str, str]) -> tuple[list[float], int, float]:
    """`clients` threads requesting `url` back to back: (latencies in ms, failures, wall seconds)."""
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def client() -> None:
        http = requests.Session()
        http.cookies.update(cookies)
        mine, failed = [], 0
        start.wait()
        while time.monotonic() < stop_at[0]:
            began = time.perf_counter()
            try:
                ok = http.get(url, timeout=30).status_code == 200
            except requests.RequestException:
                ok = False
            mine.append((time.perf_counter() - began) * 1000)
            failed += not ok
        with lock:
            latencies.extend(mine)
            failures[0] += failed

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    stop_at[0] = time.monotonic() + seconds
    began = time.monotonic()
    start.wait()
    for thread in threads:
        thread.join()
    return latencies, failures[0], time.monotonic() - began


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--problem", default="stable-softmax")
    parser.add_argument("--goal-ms", type=float, default=100)
    args = parser.parse_args()
    pk = finished_submission(args.problem)
    logged_in = {"sessionid": session_cookie(args.base)}
    pages = [("problem list", "/", logged_in), ("problem page", f"/problems/{args.problem}/", logged_in),
             ("`/api/problems/`", "/api/problems/", {}),
             ("status JSON", f"/submissions/{pk}/status.json", logged_in)]
    print(f"{args.clients} concurrent clients, {args.seconds:g} s per page, against {args.base}\n")
    print("| page | p50 ms | p95 ms | requests/s | requests | failed |\n|---|---|---|---|---|---|")
    ok = True
    for name, path, cookies in pages:
        requests.get(args.base + path, cookies=cookies, timeout=30)  # warm: the first view fills the caches
        latencies, failed, wall = load(args.base + path, args.clients, args.seconds, cookies)
        p50 = statistics.median(latencies)
        p95 = statistics.quantiles(latencies, n=20)[-1]
        ok &= p95 <= args.goal_ms and not failed
        print(f"| {name} | {p50:.0f} | {p95:.0f} | {len(latencies) / wall:.0f} | {len(latencies)} | {failed} |",
              flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
