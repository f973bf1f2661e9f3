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
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

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


async def fetch(host: str, port: int, request: bytes, conn: list) -> bool:
    """One GET on the client's connection (opened again when the server closed it): whether it answered 200.

    HTTP/1.1 by hand on asyncio streams: `requests` in threads cost 3 ms of CPU a request on these 2 cores,
    as much as the cheaper pages themselves, and the clients share the cores with the server.
    """
    if not conn:
        conn[:] = await asyncio.open_connection(host, port)
    reader, writer = conn
    try:
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
        await reader.readexactly(int(headers.get("content-length", 0)))
    except (OSError, asyncio.IncompleteReadError, ValueError):
        writer.close()
        conn.clear()
        return False
    if headers.get("connection") == "close":
        writer.close()
        conn.clear()
    return lines[0].split(" ")[1] == "200"


async def load(url: str, clients: int, seconds: float, cookies: dict[str, str]) -> tuple[list[float], int, float]:
    """`clients` clients requesting `url` back to back for `seconds`: (latencies in ms, failures, wall seconds)."""
    parts = urlsplit(url)
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    request = (f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\nUser-Agent: web_load\r\n"
               + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n").encode()
    latencies: list[float] = []
    failures = 0
    stop_at = time.monotonic() + seconds

    async def client() -> None:
        nonlocal failures
        conn: list = []
        while time.monotonic() < stop_at:
            began = time.perf_counter()
            ok = await fetch(parts.hostname or "127.0.0.1", parts.port or 80, request, conn)
            latencies.append((time.perf_counter() - began) * 1000)
            failures += not ok
        if conn:
            conn[1].close()

    began = time.monotonic()
    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, failures, time.monotonic() - began


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--problem", default="stable-softmax")
    parser.add_argument("--goal-ms", type=float, default=100)
    parser.add_argument("--only", help="measure only the pages whose name contains this (e.g. status)")
    args = parser.parse_args()
    pk = finished_submission(args.problem)
    logged_in = {"sessionid": session_cookie(args.base)}
    pages = [("problem list", "/", logged_in), ("problem page", f"/problems/{args.problem}/", logged_in),
             ("`/api/problems/`", "/api/problems/", {}),
             ("status JSON", f"/submissions/{pk}/status.json", logged_in)]
    print(f"{args.clients} concurrent clients, {args.seconds:g} s per page, against {args.base}\n")
    print("| page | p50 ms | p95 ms | requests/s | requests | failed | client CPU ms a request |\n"
          "|---|---|---|---|---|---|---|")
    ok = True
    for name, path, cookies in [page for page in pages if args.only is None or args.only in page[0]]:
        requests.get(args.base + path, cookies=cookies, timeout=30)  # warm: the first view fills the caches
        cpu = time.process_time()
        latencies, failed, wall = asyncio.run(load(args.base + path, args.clients, args.seconds, cookies))
        p50 = statistics.median(latencies)
        p95 = statistics.quantiles(latencies, n=20)[-1]
        ok &= p95 <= args.goal_ms and not failed
        print(f"| {name} | {p50:.0f} | {p95:.0f} | {len(latencies) / wall:.0f} | {len(latencies)} | {failed} "
              f"| {(time.process_time() - cpu) * 1000 / len(latencies):.2f} |",
              flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
