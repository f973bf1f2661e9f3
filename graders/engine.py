"""Grading one submission: build the job, run it in a sandbox, verify the signed events, score the result.

This is the single production grading path: the Celery task and `manage.py judge` both call `grade`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from graders import scoring
from graders.container import InfrastructureError, Sandbox, SandboxSpec
from graders.package import ProblemPackage
from graders.sandbox.verdicts import VERDICTS

MODES = ("run", "submit")


@dataclass(frozen=True)
class EngineConfig:
    """Where and how to grade; built from the environment by the caller."""

    image: str
    salt: str  # folded into hidden and benchmark seeds; never leaves the worker
    cpus: float = 1.0
    cpuset: str | None = None
    threads: int = 1
    gpu: str | None = None
    pids: int = 128


@dataclass
class GradeResult:
    verdict: str
    message: str
    tests: list[dict[str, Any]]
    timing: dict[str, Any] | None
    score: scoring.Score
    speedup: float | None = None
    seconds: float = 0.0
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def verdict_name(self) -> str:
        return VERDICTS[self.verdict]

    def as_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict, "verdict_name": self.verdict_name, "message": self.message,
            "score": self.score.total, "correctness": self.score.correctness, "speed_score": self.score.speed,
            "implausible_timing": self.score.implausible, "speedup": self.speedup, "timing": self.timing,
            "tests": self.tests, "seconds": round(self.seconds, 2),
        }


def base_spec(config: EngineConfig) -> SandboxSpec:
    """The sandbox every job of this configuration runs in, before the job's own limits: a warm pool is
    built from it, so pooled and cold sandboxes are the same."""
    return SandboxSpec(image=config.image, wall_s=0, cpus=config.cpus, cpuset=config.cpuset, pids=config.pids,
                       gpu=config.gpu, threads=config.threads)


def salted_seed(salt: str, slug: str, name: str, seed: int) -> int:
    """A hidden seed the user cannot predict: the public seed with the worker's secret folded in."""
    digest = hashlib.sha256(f"{salt}\0{slug}\0{name}\0{seed}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 2


def build_job(package: ProblemPackage, code: str, mode: str, config: EngineConfig, key: bytes,
              extra: tuple[dict[str, Any], ...] = ()) -> dict[str, Any]:
    """The job the harness reads on stdin. Hidden and benchmark seeds are salted here, on the worker.
    `extra`: a Run's custom-input case (graders.custom_input), graded after the samples."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    kinds = ("sample",) if mode == "run" else ("sample", "hidden")
    tests = []
    for test in package.tests:
        if test.kind not in kinds:
            continue
        seed = test.seed if test.kind == "sample" else salted_seed(config.salt, package.slug, test.name, test.seed)
        tests.append({"name": test.name, "kind": test.kind, "seed": seed, "params": test.params,
                      "weight": test.weight})
    tests += list(extra) if mode == "run" else []
    benchmarks = [
        {"name": t.name, "seed": salted_seed(config.salt, package.slug, t.name, t.seed), "params": t.params}
        for t in package.benchmarks(on_gpu=config.gpu is not None)
    ] if mode == "submit" else []
    return {
        "key": key.hex(),
        "mode": mode,
        "device": "cuda" if config.gpu is not None else "cpu",
        "threads": config.threads,
        "limits": package.limits,
        "timing": package.timing,
        "solution": code,
        "problem": {
            "slug": package.slug,
            "entry": package.entry,
            "tests_code": package.files["tests.py"],
            "reference_code": package.reference,
            "tolerances": package.tolerances,
            "forbid": package.forbid,
            "tests": tests,
            "benchmarks": benchmarks,
        },
    }


def job_wall_seconds(package: ProblemPackage, tests: int, benchmarks: int) -> float:
    """The worker's wall-clock kill for the whole container: generous, but always finite."""
    limits, timing = package.limits, package.timing
    per_test = limits["wall_s"] + min(limits["reference_wall_s"], 30)
    bench = (timing["budget_s"] * 2 + 30 * benchmarks) if benchmarks else 0
    return 2 * limits["load_s"] + tests * per_test + bench + 30


class EventStream:
    """Collects the harness's signed event lines, dropping any line without a valid signature."""

    def __init__(self, key: bytes, on_event: Callable[[dict[str, Any]], None] | None,
                 ends: Callable[[dict[str, Any]], bool] | None = None) -> None:
        self.key = key
        self.on_event = on_event
        self.ends = ends or (lambda event: event["event"] == "final")  # the event after which nothing counts
        self.events: list[dict[str, Any]] = []
        self.last_seq = 0
        self.rejected = 0

    def __call__(self, line: bytes) -> bool:
        """Take one line; True once it was the job's last verified event (nothing after it matters)."""
        parts = line.split(b" ", 2)
        if len(parts) != 3 or parts[0] != b"TJ1":
            self.rejected += 1
            return False
        expected = hmac.new(self.key, parts[2], hashlib.sha256).hexdigest().encode()
        if not hmac.compare_digest(expected, parts[1]):
            self.rejected += 1
            return False
        event = json.loads(parts[2])
        if event.get("seq", 0) <= self.last_seq:
            self.rejected += 1
            return False
        self.last_seq = event["seq"]
        self.events.append(event)
        if self.on_event is not None:
            self.on_event(event)
        return self.ends(event)

    def first(self, name: str) -> dict[str, Any] | None:
        return next((e for e in self.events if e["event"] == name), None)


def grade(
    package: ProblemPackage,
    code: str,
    mode: str,
    sandbox: Sandbox,
    config: EngineConfig,
    on_event: Callable[[dict[str, Any]], None] | None = None,
    extra: tuple[dict[str, Any], ...] = (),
) -> GradeResult:
    """Grade `code` against `package`. Raises InfrastructureError for faults that are not the user's."""
    key = secrets.token_bytes(32)
    job = build_job(package, code, mode, config, key, extra)
    spec = replace(
        base_spec(config),
        wall_s=job_wall_seconds(package, len(job["problem"]["tests"]), len(job["problem"]["benchmarks"])),
        memory_mb=int(package.limits["memory_mb"]),
        timed=bool(job["problem"]["benchmarks"]),
        preload=package.preload,
    )
    stream = EventStream(key, on_event)
    status = sandbox.run(json.dumps(job).encode(), spec, stream)
    final = stream.first("final")
    tests = [e["result"] for e in stream.events if e["event"] == "test"]
    timing = None
    if final is not None:
        verdict, message = final["verdict"], final.get("message", "")
        tests = final.get("tests") or tests
        timing = final.get("timing")
    elif status.output_overflow:
        verdict, message = "OLE", "the sandbox's output exceeded its limit"
    elif status.oom_killed:
        verdict, message = "MLE", "the sandbox ran out of memory"
    elif status.timed_out:
        verdict, message = "TLE", f"the grading run exceeded its wall-clock limit of {spec.wall_s:.0f} s"
    elif stream.first("started") is not None:
        verdict, message = "RE", f"the judge process was killed while the submission ran (exit code {status.exit_code})"
    else:
        raise InfrastructureError(
            f"the harness ended without a signed result (exit code {status.exit_code}): {status.stderr_tail[-1500:]}"
        )
    if verdict not in VERDICTS:
        raise InfrastructureError(f"the harness reported an unknown verdict {verdict!r}")
    value = scoring.speedup(timing["cases"]) if timing else None
    result_score = scoring.score(tests, verdict, value)
    return GradeResult(verdict=verdict, message=message, tests=tests, timing=timing, score=result_score,
                       speedup=value, seconds=status.seconds, events=stream.events)
