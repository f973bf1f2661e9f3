"""Grading from the command line, through the production path (real sandbox, harness and scoring).

    python -m graders.cli judge SLUG SOLUTION.py [--mode run|submit] [--json]
    python -m graders.cli validate [SLUG ...] [--jobs N] [--no-cache]

`manage.py judge` and `manage.py validate_problems` call the same functions; this entry point needs no
database, which is what problem authors want while writing a package.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from graders.config import CACHE_DIR, ROOT, engine_config
from graders.container import DockerSandbox, InfrastructureError
from graders.engine import EngineConfig, GradeResult, grade
from graders.package import PackageError, ProblemPackage, load_folder, problem_folders

PROBLEMS = ROOT / "problems"
# Outside the work tree, so fresh clones on the same machine (CI) reuse results. The key is the package's
# content hash and the sandbox image tag: any change to a problem or to the harness grades it again.
CACHE = CACHE_DIR / "validate-cache.json"
# Validation needs the reference's benchmark time only roughly (is it within 1-50 ms?), not a steady ratio.
VALIDATION_TIMING = {"warmup": 1, "min_runs": 3, "max_runs": 10, "rse": 0.05, "budget_s": 2}
# The reference's benchmark time a valid package has, in ms (docs/problem-format.md). A shared, overloaded test
# machine can widen it (e.g. TJ_VALIDATION_REF_MS=0.01,10000) without touching any package.
REF_MS_RANGE = tuple(float(x) for x in os.environ.get("TJ_VALIDATION_REF_MS", "1,50").split(","))


def load_problem(slug: str) -> ProblemPackage:
    folder = PROBLEMS / slug
    if not (folder / "problem.yaml").exists():
        raise PackageError([f"problems/{slug}: no such problem (no problems/{slug}/problem.yaml)"])
    return load_folder(folder)


def print_result(result: GradeResult, as_json: bool, out: TextIO) -> None:
    if as_json:
        json.dump(result.as_dict(), out, indent=2)
        out.write("\n")
        return
    out.write(f"{result.verdict_name} ({result.verdict})  score {result.score.total}\n")
    if result.message:
        out.write(f"  {result.message}\n")
    for test in result.tests:
        line = f"  {test['kind']:<7} {test['name']:<24} {test['verdict']:<4} {test.get('time_ms', '')}"
        out.write(line.rstrip() + "\n")
        if test["verdict"] != "AC" and test.get("message"):
            out.write("          " + test["message"].splitlines()[0][:200] + "\n")
    if result.timing:
        for case in result.timing["cases"]:
            out.write(f"  timing  {case['name']:<24} you {case['user_ms']:.3f} ms  reference {case['ref_ms']:.3f} ms"
                      f"  ({case['runs']} runs)\n")
        out.write(f"  speedup x{result.speedup:.3f}  speed score {result.score.speed}\n")


def judge(slug: str, solution: Path, mode: str, as_json: bool, out: TextIO = sys.stdout) -> int:
    """Grade one file; exit status 0 only for Accepted."""
    package = load_problem(slug)
    result = grade(package, solution.read_text(), mode, DockerSandbox(), engine_config())
    print_result(result, as_json, out)
    return 0 if result.verdict == "AC" else 1


@dataclass
class Check:
    slug: str
    solution: str
    expected: str
    got: str
    detail: str

    @property
    def ok(self) -> bool:
        return self.expected == self.got


def check_solution(package: ProblemPackage, file: str, expected: str, sandbox: DockerSandbox, config: EngineConfig,
           cache: dict[str, dict]) -> Check:
    """Grade one solution of a package as validation does (also the admin's "validate" task, on a worker)."""
    code = package.files[file]
    key = hashlib.sha256(f"{package.version}\0{config.image}\0{file}".encode()).hexdigest()
    if key in cache:
        hit = cache[key]
        return Check(package.slug, file, expected, hit["got"], hit["detail"] + " (cached)")
    try:
        result = grade(replace(package, timing=VALIDATION_TIMING), code, "submit", sandbox, config)
    except InfrastructureError as exc:
        return Check(package.slug, file, expected, "IE", str(exc)[:200])
    detail = ""
    if file == "reference.py" and result.timing:
        ref_ms = [c["ref_ms"] for c in result.timing["cases"]]
        detail = "reference " + ", ".join(f"{ms:.2f} ms" for ms in ref_ms)
        low, high = REF_MS_RANGE
        if not all(low <= ms <= high for ms in ref_ms):
            detail += f" (outside the {low:g}-{high:g} ms benchmark range)"
            result.verdict = "IE"
    elif result.verdict != "AC":
        bad = next((t for t in result.tests if t["verdict"] != "AC"), None)
        detail = (bad["name"] + ": " if bad else "") + ((bad or {}).get("message") or result.message)[:120]
    check = Check(package.slug, file, expected, result.verdict, detail.splitlines()[0] if detail else "")
    if check.ok:
        cache[key] = {"got": check.got, "detail": check.detail}
    return check


def validate(slugs: list[str], jobs: int, use_cache: bool, out: TextIO = sys.stdout) -> int:
    """Grade every reference (must be Accepted) and wrong solution (must get its verdict); print a table."""
    folders = [PROBLEMS / s for s in slugs] if slugs else problem_folders(PROBLEMS)
    packages, failures = [], []
    for folder in folders:
        try:
            packages.append(load_folder(folder))
        except PackageError as exc:
            failures.extend(exc.errors)
    cache: dict[str, dict] = json.loads(CACHE.read_text()) if use_cache and CACHE.exists() else {}
    sandbox, config = DockerSandbox(), engine_config()
    work = [(p, "reference.py", "AC") for p in packages]
    work += [(p, w.file, w.verdict) for p in packages for w in p.wrong]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        checks = list(pool.map(lambda item: check_solution(*item, sandbox, config, cache), work))
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_text(json.dumps(cache, indent=1))
    out.write(f"{'problem':<34} {'solution':<30} {'expected':<8} {'got':<5} detail\n")
    for check in sorted(checks, key=lambda c: (c.slug, c.solution != "reference.py", c.solution)):
        mark = "ok " if check.ok else "BAD"
        out.write(f"{check.slug:<34} {check.solution:<30} {check.expected:<8} {check.got:<5} {mark} {check.detail}\n")
    by_topic = collections.Counter(t for p in packages for t in p.topics)
    by_difficulty = collections.Counter(p.difficulty for p in packages)
    by_kind = collections.Counter(p.kind for p in packages)
    out.write("\nby difficulty: " + ", ".join(f"{k} {v}" for k, v in sorted(by_difficulty.items())) + "\n")
    out.write("by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())) + "\n")
    out.write("by topic: " + ", ".join(f"{k} {v}" for k, v in sorted(by_topic.items())) + "\n")
    bad = [c for c in checks if not c.ok]
    for error in failures:
        out.write(f"INVALID {error}\n")
    out.write(f"\n{len(packages)} problems, {len(checks)} solutions checked, {len(bad)} wrong verdicts, "
              f"{len(failures)} package errors\n")
    return 0 if not bad and not failures else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graders.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    j = sub.add_parser("judge", help="grade one solution file")
    j.add_argument("slug")
    j.add_argument("solution", type=Path)
    j.add_argument("--mode", choices=("run", "submit"), default="submit")
    j.add_argument("--json", action="store_true")
    v = sub.add_parser("validate", help="grade every reference and wrong solution")
    v.add_argument("slugs", nargs="*")
    v.add_argument("--jobs", type=int, default=2)
    v.add_argument("--no-cache", action="store_true")
    args = parser.parse_args(argv)
    try:
        if args.command == "judge":
            return judge(args.slug, args.solution, args.mode, args.json)
        return validate(args.slugs, args.jobs, not args.no_cache)
    except PackageError as exc:
        print("\n".join(exc.errors), file=sys.stderr)
        return 2
    except InfrastructureError as exc:
        print(f"internal error: {exc}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
