"""Validating a problem: its reference must be Accepted and each known-wrong solution must get its verdict.

All of one problem's solutions are graded in one sandbox, in one pass: the reference's output for each test
is computed once and every solution is compared with it, under every salt asked for (hidden seeds are
salted per installation, so a tolerance must hold for any salt, not just one). Several problems may share
one sandbox, one after the other (`validate_batch`): a sandbox's start, mostly importing torch, cost as much
CPU as grading a problem's solutions, and `validate_problems` validates the whole bank. Only the bank's own
solutions are graded this way: each later problem's and solution's runner is forked from the harness after
the job was read, which a user's submission never is.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from graders.container import InfrastructureError, Sandbox
from graders.engine import EngineConfig, EventStream, base_spec, build_job, job_wall_seconds, salted_seed
from graders.package import ProblemPackage

# Validation needs the reference's benchmark time only roughly (is it within 1-50 ms?), not a steady ratio:
# a few pairs in half a second, for every problem of the bank.
VALIDATION_TIMING = {"warmup": 1, "min_runs": 3, "max_runs": 6, "rse": 0.05, "budget_s": 0.5}


@dataclass
class SolutionResult:
    verdict: str
    message: str
    tests: list[dict[str, Any]]
    timing: dict[str, Any] | None

    @property
    def ref_ms(self) -> list[float]:
        return [c["ref_ms"] for c in (self.timing or {}).get("cases", [])]


def expected_verdicts(package: ProblemPackage) -> dict[str, str]:
    """Every solution a package ships and the verdict it must get: the reference first, then the accepted
    variants, then the known-wrong solutions."""
    return {"reference.py": "AC", **{a.file: "AC" for a in package.accepted},
            **{w.file: w.verdict for w in package.wrong}}


def validation_job(package: ProblemPackage, solutions: list[tuple[str, str]], salts: list[str],
                   config: EngineConfig, key: bytes) -> dict[str, Any]:
    """A submit job for the first salt, with the hidden tests of every other salt added and every solution."""
    package = replace(package, timing=VALIDATION_TIMING)
    job = build_job(package, solutions[0][1], "submit", replace(config, salt=salts[0]), key)
    for index, salt in enumerate(salts[1:], start=2):
        for test in package.tests:
            if test.kind == "hidden":
                job["problem"]["tests"].append({
                    "name": f"{test.name}@salt{index}", "kind": "hidden", "params": test.params,
                    "seed": salted_seed(salt, package.slug, test.name, test.seed), "weight": test.weight})
    job["mode"] = "validate"
    job["solutions"] = [{"name": name, "code": code, "timed": name == "reference.py"} for name, code in solutions]
    return job


def solution_result(event: dict[str, Any]) -> SolutionResult:
    return SolutionResult(event["verdict"], event.get("message", ""), event.get("tests") or [], event.get("timing"))


@dataclass
class Validation:
    """One problem to validate: its package, its solutions (name, code; the reference first) and salts."""

    package: ProblemPackage
    solutions: list[tuple[str, str]]
    salts: list[str]


def validate_package(package: ProblemPackage, solutions: list[tuple[str, str]], salts: list[str],
                     sandbox: Sandbox, config: EngineConfig,
                     on_result: Callable[[str, SolutionResult], None] | None = None) -> dict[str, SolutionResult]:
    """Grade `solutions` (name, code), the reference first, in one sandbox. `on_result` hears each solution's
    result as the harness reports it (the admin shows them arriving). Raises InfrastructureError when the
    sandbox ends before every solution has its result."""
    hear = None if on_result is None else (lambda _slug, name, result: on_result(name, result))
    return validate_batch([Validation(package, solutions, salts)], sandbox, config, hear)[package.slug]


def validate_batch(batch: list[Validation], sandbox: Sandbox, config: EngineConfig,
                   on_result: Callable[[str, str, SolutionResult], None] | None = None,
                   ) -> dict[str, dict[str, SolutionResult]]:
    """Grade several problems' solutions in one sandbox, one problem after the other: results by slug, then
    by solution. `on_result(slug, name, result)` hears each as it lands. Raises InfrastructureError when the
    sandbox ends before every solution has its result."""
    key = secrets.token_bytes(32)
    jobs = [validation_job(v.package, v.solutions, v.salts, config, key) for v in batch]
    for job in jobs:
        job.pop("key")  # one key for the whole sandbox
    spec = replace(base_spec(config), memory_mb=max(int(v.package.limits["memory_mb"]) for v in batch),
                   preload=tuple(sorted({name for v in batch for name in v.package.preload})),
                   wall_s=sum(len(v.solutions) * job_wall_seconds(v.package, len(job["problem"]["tests"]),
                                                                  len(job["problem"]["benchmarks"]))
                              for v, job in zip(batch, jobs, strict=True)))
    pending = {(v.package.slug, name) for v in batch for name, _ in v.solutions}

    def on_event(event: dict[str, Any]) -> None:
        if on_result is not None and event["event"] == "final" and "solution" in event:
            on_result(event["problem"], event["solution"], solution_result(event))

    def ends(event: dict[str, Any]) -> bool:
        """The job is over once every solution has its verdict; a problem whose harness failed as a whole
        (its reference broke) has all its verdicts at once."""
        if event["event"] != "final":
            return False
        if "problem" not in event:  # the harness failed before any problem
            return True
        pending.difference_update({(event["problem"], event["solution"])} if "solution" in event else
                                  {p for p in pending if p[0] == event["problem"]})
        return not pending

    stream = EventStream(key, on_event, ends)
    status = sandbox.run(json.dumps({"key": key.hex(), "batch": jobs}).encode(), spec, stream)
    results: dict[str, dict[str, SolutionResult]] = {v.package.slug: {} for v in batch}
    names = {v.package.slug: [name for name, _ in v.solutions] for v in batch}
    for event in stream.events:
        if event["event"] == "final" and event.get("problem") in results:
            # A problem failed as a whole (its reference broke): every solution of it not yet graded says so.
            for name in [event["solution"]] if "solution" in event else names[event["problem"]]:
                results[event["problem"]].setdefault(name, solution_result(event))
    missing = [f"{slug}/{name}" for slug in results for name in names[slug] if name not in results[slug]]
    if missing:
        raise InfrastructureError(f"the sandbox ended (exit code {status.exit_code}) before grading "
                                  f"{', '.join(missing)}: {status.stderr_tail[-1500:]}")
    return results
