"""Per-user rate limits on grading (Run and Submit), counted in the shared cache.

A fixed window per user and action: cheap (one cache increment) and good enough to stop a script from
flooding the queue. Shared by the form views and the API so both give the same limit and the same message.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

PERIODS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600, "hour": 3600,
           "d": 86400, "day": 86400}


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int
    text: str


def parse_rate(text: str) -> Rate:
    """`"10/min"` → 10 per 60 s. Raise ValueError naming the accepted forms on anything else."""
    try:
        count, period = text.strip().split("/")
        return Rate(int(count), PERIODS[period.strip().lower()], text.strip())
    except (ValueError, KeyError) as exc:
        raise ValueError(f"bad rate {text!r}: expected count/period, period one of {', '.join(PERIODS)}") from exc


def rate_for(mode: str) -> Rate:
    return parse_rate(settings.TJ_RUN_RATE if mode == "run" else settings.TJ_SUBMIT_RATE)


def check_and_count(user_id: int, mode: str) -> str | None:
    """Count one grading request; return a message for the user when over the limit, else None."""
    rate = rate_for(mode)
    window = int(time.time() // rate.seconds)
    key = f"rate:{mode}:{user_id}:{window}"
    cache.add(key, 0, timeout=rate.seconds + 5)
    used = cache.incr(key)
    if used <= rate.count:
        return None
    wait = rate.seconds - int(time.time()) % rate.seconds
    action = "Runs" if mode == "run" else "Submissions"
    return f"Rate limit reached: {action} are limited to {rate.text}. Try again in {wait} s."
