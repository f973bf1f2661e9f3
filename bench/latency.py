"""End-to-end latency through the REST API, one request at a time: from POST until the API says `done`.

    .venv/bin/python bench/latency.py [--base http://127.0.0.1:8000] [--runs 10] [--pause 3]

Run it against the platform brought up by `scripts/up.sh` (same DATABASE_URL in the environment). Prints a
Markdown table of p50 and p90 per scenario, ready for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_client import reference, submit, tokens, wait_done  # noqa: E402

SCENARIOS = [
    ("Run", "stable-softmax", "run", 0.5),
    ("Run", "bert-sequence-classification-head", "run", 1.0),
    ("Submit", "stable-softmax", "submit", 3.0),
    ("Submit", "multihead-attention", "submit", 3.0),
]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--pause", type=float, default=3.0,
                        help="seconds between one verdict and the next request (a sandbox start takes 2-6 s of CPU)")
    args = parser.parse_args()
    keys = tokens(args.runs * len(SCENARIOS), "bench-latency")
    print("| what | problem | p50 s | p90 s | goal s | runs |\n|---|---|---|---|---|---|")
    ok = True
    for s_index, (label, slug, mode, goal) in enumerate(SCENARIOS):
        code, seconds = reference(slug), []
        for i in range(args.runs):
            token = keys[s_index * args.runs + i]
            started = time.monotonic()
            state = wait_done(args.base, token, submit(args.base, token, slug, code, mode))
            seconds.append(time.monotonic() - started)
            if state["verdict"] != "AC":
                print(f"{slug} {mode}: {state['verdict']} {state['message'][:200]}", file=sys.stderr)
                return 2
            time.sleep(args.pause)  # a person reads the verdict before the next Run: the pool refills meanwhile
        p50 = statistics.median(seconds)
        p90 = statistics.quantiles(seconds, n=10)[-1] if len(seconds) > 1 else p50
        ok &= p50 <= goal
        print(f"| {label} | {slug} | {p50:.2f} | {p90:.2f} | ≤ {goal} | {len(seconds)} |", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
