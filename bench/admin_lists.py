"""Are the admin's submission pages fast with 100k submissions? Fill a database, time the list pages.

    DATABASE_URL=postgres://.../scratch .venv/bin/python bench/admin_lists.py [--submissions 100000]

Use a scratch PostgreSQL database (it is migrated and filled; rows it adds are removed at the end). Each page
is fetched as a superuser through Django's test client, which runs the real admin views and queries. The
result is a Markdown table for docs/benchmarks.md: the time of each page and how many queries it made.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "platform"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torchjudge.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from graders.cli import PROBLEMS  # noqa: E402
from judge.models import Problem, Submission  # noqa: E402
from judge.sync import sync_problems  # noqa: E402

VERDICTS = ["AC", "WA", "TLE", "RE", "AC", "AC", "WA", "IE"]


def fill(count: int) -> list[int]:
    """`count` finished submissions over every problem and 1000 users; returns the users' ids (to clean up)."""
    users = User.objects.bulk_create(User(username=f"bench-{i}") for i in range(1000))
    problems = list(Problem.objects.select_related("live_version"))
    batch = []
    for i in range(count):
        problem = problems[i % len(problems)]
        batch.append(Submission(user=users[i % len(users)], problem=problem, version=problem.live_version,
                                code="def f(x):\n    return x\n", status="finished", verdict=VERDICTS[i % 8],
                                speedup=1 + (i % 97) / 100, score=i % 101, hardware=("cpu", "a100")[i % 2]))
        if len(batch) == 5000:
            Submission.objects.bulk_create(batch)
            batch = []
    Submission.objects.bulk_create(batch)
    return [u.pk for u in users]


def timed(client: Client, url: str, repeat: int = 5) -> tuple[float, int]:
    """Median milliseconds of `repeat` fetches, and the queries of one."""
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=100_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    sync_problems(PROBLEMS)
    admin, _ = User.objects.get_or_create(username="bench-admin", defaults={"is_staff": True, "is_superuser": True})
    user_ids = fill(args.submissions)
    try:
        client = Client()
        client.force_login(admin)
        problem = Problem.objects.order_by("slug").first()
        pages = {
            "submissions, newest first": "/admin/judge/submission/",
            "… filtered by verdict": "/admin/judge/submission/?verdict__exact=WA",
            "… by hardware": "/admin/judge/submission/?hardware=a100",
            "… by problem and version": f"/admin/judge/submission/?problem__id__exact={problem.pk}"
                                        f"&version={problem.live_version_id}",
            "… by user": "/admin/judge/submission/?user=bench-7",
            "… page 100": "/admin/judge/submission/?p=100",
            "one submission": f"/admin/judge/submission/{Submission.objects.latest('pk').pk}/change/",
            "problems": "/admin/judge/problem/",
        }
        print(f"{Submission.objects.count()} submissions, {Problem.objects.count()} problems\n")
        print("| page | median ms | queries |\n|---|---|---|")
        for name, url in pages.items():
            ms, queries = timed(client, url)
            print(f"| {name} | {ms:.0f} | {queries} |")
    finally:
        Submission.objects.filter(user_id__in=user_ids).delete()
        User.objects.filter(pk__in=user_ids).delete()
        admin.delete()


if __name__ == "__main__":
    main()
