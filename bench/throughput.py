"""Sustained grading throughput: many small Runs submitted at once through the REST API, one user each.

    .venv/bin/python bench/throughput.py [--base http://127.0.0.1:8000] [--count 120] [--slug stable-softmax]

Run it against the platform brought up by `scripts/up.sh` with its default settings. Prints the gradings
per minute from the first POST to the last verdict, and checks each Run was graded once, Accepted.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_client import reference, submit, tokens, wait_done  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--count", type=int, default=120)
    parser.add_argument("--slug", default="stable-softmax")
    args = parser.parse_args()
    keys = tokens(args.count, "bench-throughput")
    code = reference(args.slug)
    started = time.monotonic()
    ids = [submit(args.base, key, args.slug, code, "run") for key in keys]
    with ThreadPoolExecutor(max_workers=8) as pool:
        states = list(pool.map(lambda pair: wait_done(args.base, pair[0], pair[1], timeout=900, every=0.5),
                               zip(keys, ids)))
    elapsed = time.monotonic() - started
    accepted = sum(s["verdict"] == "AC" for s in states)
    rate = len(states) / elapsed * 60
    print(f"{len(states)} Runs of {args.slug} in {elapsed:.1f} s: {rate:.0f} gradings a minute; "
          f"{accepted} Accepted")
    return 0 if accepted == len(states) and rate >= 60 else 1


if __name__ == "__main__":
    sys.exit(main())
