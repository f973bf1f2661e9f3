"""Grading from the command line, through the production path (real sandbox, harness and scoring).

    python -m graders.cli judge SLUG SOLUTION.py [--mode run|submit] [--json]
    python -m graders.cli validate [SLUG ...] [--jobs N] [--salts N] [--no-cache] [--device cpu|cuda]
                                   [--sandbox docker|process]

`manage.py judge` and `manage.py validate_problems` call the same functions; this entry point needs no
database, which is what problem authors want while writing a package.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from graders.config import CACHE_DIR, ROOT, engine_config
from graders.container import DockerSandbox, InfrastructureError, Sandbox
from graders.engine import EngineConfig, GradeResult, base_spec, grade
from graders.package import PackageError, ProblemPackage, load_folder, problem_folders
from graders.pool import WarmPool
from graders.validation import SolutionResult, Validation, expected_verdicts, validate_batch

PROBLEMS = ROOT / "problems"
# Outside the work tree, so fresh clones on the same machine (CI) reuse results. The key is the package's
# content hash, the sandbox image tag and the salts: any change to a problem or to the harness grades it again.
CACHE = CACHE_DIR / "validate-cache.json"
# Where a reference's benchmark time must fall (ms): CPU benchmarks on one core, GPU benchmarks of a `gpu: true`
# problem on a data-centre GPU. A CPU problem graded on a GPU has no range: its inputs are sized for a CPU.
# Where a benchmark call of the reference should take. Out of range fails validation on CUDA, where GPU hosts
# check the bank alone; on CPU it is a warning in the table, because validation grades two problems at once
# on CI machines of any speed and load, so a reference near a bound lands on either side of it.
BENCHMARK_RANGE_MS = {"cpu": (1.0, 50.0), "cuda": (0.5, 20.0)}
# Problems validated in one sandbox, one after the other: a sandbox's start costs about what grading one
# problem's solutions does, and more problems a sandbox would leave a job idle at the end of the bank.
BATCH_PROBLEMS = 8


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
                      f"  ({case['runs']} pairs of {case.get('batch', 1)} calls)\n")
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


def validation_salts(package: ProblemPackage, count: int) -> list[str]:
    """The `count` salts a package is validated under.

    Hidden seeds are salted per installation, so a tolerance that holds for one salt may fail for another's.
    The salts are drawn from the package's version: unpredictable when the tests are written, the same on
    every run and every machine for the same content (so results stay cached, on a CI machine too), and new
    whenever the package changes."""
    return [hashlib.sha256(f"validate\0{package.version}\0{k}".encode()).hexdigest()[:16] for k in range(count)]


def benchmark_range(package: ProblemPackage, device: str) -> tuple[float, float] | None:
    if device == "cuda" and not package.gpu:
        return None
    return BENCHMARK_RANGE_MS[device]


def cache_key(package: ProblemPackage, salts: list[str], backend: str, device: str) -> str:
    """Validation results are cached by the package's content, the sandbox image, the device and the salts."""
    return hashlib.sha256(f"{package.version}\0{backend}\0{device}\0{'/'.join(salts)}".encode()).hexdigest()


def cached_checks(package: ProblemPackage, salts: list[str], cache: dict[str, dict], backend: str,
                  device: str) -> list[Check] | None:
    hits = cache.get(cache_key(package, salts, backend, device))
    if hits is None:
        return None
    expected = expected_verdicts(package)
    return [Check(package.slug, name, expected[name], hit["got"], hit["detail"] + " (cached)")
            for name, hit in hits.items() if name in expected]


def check_problems(packages: list[ProblemPackage], salts: int, sandbox: Sandbox, config: EngineConfig,
                   cache: dict[str, dict], backend: str) -> list[Check]:
    """Grade some problems' references, accepted variants and known-wrong solutions in one sandbox, each
    under every salt at once, and cache each problem that passed."""
    device = "cuda" if config.gpu is not None else "cpu"
    batch = [Validation(p, [(name, p.files[name] if name != "reference.py" else p.reference)
                            for name in expected_verdicts(p)], validation_salts(p, salts)) for p in packages]
    try:
        results = validate_batch(batch, sandbox, config)
    except InfrastructureError as exc:
        return [Check(p.slug, name, want, "IE", str(exc)[:200]) for p in packages
                for name, want in expected_verdicts(p).items()]
    checks = []
    for item in batch:
        package = item.package
        mine = [describe(package, name, want, results[package.slug][name], device)
                for name, want in expected_verdicts(package).items()]
        if all(c.ok for c in mine):
            cache[cache_key(package, item.salts, backend, device)] = {c.solution: {"got": c.got, "detail": c.detail}
                                                                      for c in mine}
        checks += mine
    return checks


def batches(packages: list[ProblemPackage], jobs: int) -> list[list[ProblemPackage]]:
    """Problems to validate, in sandboxes of up to BATCH_PROBLEMS that import the same libraries, and at
    least `jobs` sandboxes' worth while there are problems enough, so every job has work until the end."""
    by_preload: dict[tuple[str, ...], list[ProblemPackage]] = collections.defaultdict(list)
    for package in packages:
        by_preload[package.preload].append(package)
    size = max(1, min(BATCH_PROBLEMS, len(packages) // (2 * jobs)))
    return [group[i:i + size] for group in by_preload.values() for i in range(0, len(group), size)]


def describe(package: ProblemPackage, name: str, expected: str, result: SolutionResult, device: str) -> Check:
    """One table row: the verdict, and why (the reference's benchmark times, or the first failing test)."""
    got, detail = result.verdict, ""
    if name == "reference.py" and result.timing:
        detail = "reference " + ", ".join(f"{ms:.2f} ms" for ms in result.ref_ms)
        bounds = benchmark_range(package, device)
        if bounds is not None and not all(bounds[0] <= ms <= bounds[1] for ms in result.ref_ms):
            detail += f" (outside the {bounds[0]:g}-{bounds[1]:g} ms benchmark range on {device})"
            if device == "cuda":
                got = "IE"
    elif got != "AC":
        bad = next((t for t in result.tests if t["verdict"] != "AC"), None)
        detail = (bad["name"] + ": " if bad else "") + ((bad or {}).get("message") or result.message)[:120]
    return Check(package.slug, name, expected, got, detail.splitlines()[0] if detail else "")


def make_sandbox(kind: str, config: EngineConfig, jobs: int) -> tuple[Sandbox, str]:
    """The sandbox to validate in, and a name for it in the cache key: a warm pool of Docker sandboxes, or
    `process`, for hosts without Docker (it refuses to run where it cannot make a private PID namespace);
    workers always use Docker."""
    if kind == "process":
        from graders.process_sandbox import ProcessSandbox

        sandbox = ProcessSandbox()
        return sandbox, f"process:{sandbox.python}"
    if kind != "docker":
        raise ValueError(f"sandbox must be docker or process, got {kind!r}")
    return WarmPool(base_spec(config), size=jobs, preloaded=jobs), config.image


def validation_config(device: str) -> EngineConfig:
    """The engine settings for validating on `device`: cuda grades on $TJ_GPU (default GPU 0)."""
    config = engine_config()
    if device == "cuda":
        return replace(config, gpu=config.gpu or "0")
    if device != "cpu":
        raise ValueError(f"device must be cpu or cuda, got {device!r}")
    return replace(config, gpu=None)


def validate(slugs: list[str], jobs: int, use_cache: bool, out: TextIO = sys.stdout, salts: int = 1,
             device: str = "cpu", sandbox_kind: str = "docker") -> int:
    """Grade every reference and accepted variant (must be Accepted) and wrong solution (must get its
    verdict), under `salts` salts, on `device`; print a table."""
    folders = [PROBLEMS / s for s in slugs] if slugs else problem_folders(PROBLEMS)
    packages, failures = [], []
    for folder in folders:
        try:
            packages.append(load_folder(folder))
        except PackageError as exc:
            failures.extend(exc.errors)
    cache: dict[str, dict] = json.loads(CACHE.read_text()) if use_cache and CACHE.exists() else {}
    started = time.monotonic()
    config = validation_config(device)
    sandbox, backend = make_sandbox(sandbox_kind, config, jobs)
    checks: list[Check] = []
    uncached = []
    for package in packages:
        hits = cached_checks(package, validation_salts(package, salts), cache, backend, device)
        if hits is None:
            uncached.append(package)
        else:
            checks += hits
    try:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            for batch_checks in pool.map(lambda batch: check_problems(batch, salts, sandbox, config, cache, backend),
                                         batches(uncached, jobs)):
                checks += batch_checks
    finally:
        if isinstance(sandbox, WarmPool):
            sandbox.close()
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
    out_of_range = [c for c in checks if c.ok and "benchmark range" in c.detail]
    for error in failures:
        out.write(f"INVALID {error}\n")
    out.write(f"\n{len(packages)} problems, {len(checks)} solutions checked under {salts} salt(s) on {device} "
              f"({sandbox_kind} sandbox), "
              f"{len(bad)} wrong verdicts, {len(failures)} package errors, "
              f"{len(out_of_range)} reference(s) outside the benchmark range, "
              f"in {time.monotonic() - started:.0f} s\n")
    return 0 if not bad and not failures else 1


def add_device_arguments(parser: argparse.ArgumentParser) -> None:
    """--device and --sandbox, shared with `manage.py validate_problems`."""
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu",
                        help="grade on the CPU, or on CUDA ($TJ_GPU, default GPU 0)")
    parser.add_argument("--sandbox", choices=("docker", "process"), default="docker",
                        help="docker (production), or process: the harness in a private PID namespace, "
                             "for GPU hosts without Docker")


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
    v.add_argument("--salts", type=int, default=1, help="validate under this many salts (drawn from each "
                   "package's version)")
    v.add_argument("--no-cache", action="store_true")
    add_device_arguments(v)
    args = parser.parse_args(argv)
    try:
        if args.command == "judge":
            return judge(args.slug, args.solution, args.mode, args.json)
        if args.salts < 1:
            parser.error("--salts must be at least 1")
        return validate(args.slugs, args.jobs, not args.no_cache, salts=args.salts, device=args.device,
                        sandbox_kind=args.sandbox)
    except PackageError as exc:
        print("\n".join(exc.errors), file=sys.stderr)
        return 2
    except InfrastructureError as exc:
        print(f"internal error: {exc}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
