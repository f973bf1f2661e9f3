"""How steady is the speed score? Grade one accepted submission N times and report the speedup's spread.

    .venv/bin/python bench/grade_spread.py [--problem stable-softmax] [--runs 10] [--solution FILE]

Each run is a full production grading (fresh container, samples, hidden tests, interleaved timing). The
spread is max/min of the speedup over the runs; the harness aims to keep it within 10% on an idle machine.
Results go to stdout as a Markdown table, ready for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graders.cli import load_problem  # noqa: E402
from graders.config import engine_config  # noqa: E402
from graders.container import DockerSandbox  # noqa: E402
from graders.engine import grade  # noqa: E402


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def rse(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problem", default="stable-softmax")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--solution", type=Path)
    args = parser.parse_args()
    package = load_problem(args.problem)
    code = args.solution.read_text() if args.solution else package.reference
    config = engine_config()
    sandbox = DockerSandbox()
    rows = []
    print("| run | speedup | user ms (RSE) | reference ms (RSE) | timed pairs | grading s |\n|---|---|---|---|---|---|")
    for i in range(args.runs):
        started = time.monotonic()
        result = grade(package, code, "submit", sandbox, config)
        if result.verdict != "AC":
            print(f"run {i + 1}: {result.verdict} {result.message}", file=sys.stderr)
            return 1
        case = result.timing["cases"][0]
        rows.append((result.speedup, case["user_ms"], case["ref_ms"], case["runs"], time.monotonic() - started))
        print(f"| {i + 1} | {rows[-1][0]:.4f} | {case['user_ms']:.3f} ({rse(case['user_rse'])}) "
              f"| {case['ref_ms']:.3f} ({rse(case['ref_rse'])}) | {case['runs']} "
              f"| {rows[-1][4]:.1f} |", flush=True)
    speedups = [r[0] for r in rows]
    spread = max(speedups) / min(speedups)
    print(f"\nmachine: {machine()}; sandbox cpus={config.cpus} cpuset={config.cpuset} threads={config.threads}")
    print(f"problem {args.problem}: speedup median {statistics.median(speedups):.4f}, "
          f"min {min(speedups):.4f}, max {max(speedups):.4f}, spread (max/min) {spread:.4f}")
    return 0 if spread <= 1.10 else 2


if __name__ == "__main__":
    sys.exit(main())
