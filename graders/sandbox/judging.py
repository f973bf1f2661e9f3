"""Judging inside the sandbox: generate inputs, compare the submission with the reference, time both.

The harness (harness.py) imports this after it has started the runners, because importing torch is slow.
"""

from __future__ import annotations

import os
import signal
import time
from typing import Any

import torch

from graders.sandbox import checker, codec, forbid
from graders.sandbox.errors import InterferenceError, ProblemError, error_text
from graders.sandbox.processes import KEEP_OUTPUT, Child, Outcome, other_pids, reap_zombies, signal_all
from graders.sandbox.timing import Benchmark
from graders.sandbox.verdicts import worst

__all__ = ["Harness", "InterferenceError", "ProblemError"]


def preview(value: Any, limit: int = 3000) -> str:
    """A short human-readable rendering of a value, for sample-test feedback."""
    with torch.no_grad():
        torch.set_printoptions(precision=5, threshold=200, edgeitems=3, linewidth=100)
        text = repr(value)
    return text if len(text) <= limit else text[:limit] + " …"


class Harness:
    """One grading job from start to signed final event."""

    def __init__(self, job: dict[str, Any], emit: Any, reference: Child, user: Child) -> None:
        self.job = job
        self.emit = emit
        self.problem = job["problem"]
        self.limits = job["limits"]
        self.tols = checker.tolerances(self.problem.get("tolerances"))
        tests_globals: dict[str, Any] = {"__name__": "problem_tests"}
        try:
            exec(compile(self.problem["tests_code"], "tests.py", "exec"), tests_globals)
            self.make_inputs = tests_globals["make_inputs"]
        except Exception as exc:
            raise ProblemError(f"tests.py failed to load: {type(exc).__name__}: {exc}") from exc
        self.custom_check = tests_globals.get("check")
        self.reference: Child | None = reference
        self.user: Child | None = user  # forked before the job, not started: `load_solution` starts it
        self.code = job["solution"]
        self.expected: dict[str, tuple[Any, bytes, bytes, Any, Any]] = {}

    # --- processes -------------------------------------------------------------------------------------
    def reference_child(self) -> Child:
        """The reference's runner. It is never restarted: between requests only the submission can have
        killed it (a signal), and anything else is the problem's own fault."""
        if self.reference is None:
            raise ProblemError("the reference's runner was not started")
        if self.reference.killed_for:
            raise ProblemError(f"the reference broke a limit ({self.reference.killed_for})")
        if self.reference.proc.poll() is not None:
            if self.reference.proc.returncode < 0:
                raise InterferenceError("the reference process was killed while the submission was running")
            raise ProblemError(f"the reference process exited with code {self.reference.proc.returncode}")
        load = self.reference.load_outcome
        if load.verdict != "AC" or not load.header.get("ok"):
            detail = error_text(load.header, True) if load.header else load.message
            raise ProblemError(f"the reference solution failed to load: {detail}")
        return self.reference

    def user_child(self) -> tuple[Child, Outcome]:
        """The submission's runner, restarted after a crash or a limit: a fresh interpreter for a submission
        (a fork now would see the job), a fork for the bank's own solutions in validation (a fresh
        interpreter costs seconds of imports, and a known-wrong solution may crash on every test)."""
        if self.user is None or not self.user.alive:
            self.sweep()
            fork = self.job["mode"] == "validate"
            self.user = Child("submission", private=False, fork=fork).start(self.job, self.code)
            if fork:
                self.user.watch()
        return self.user, self.user.load_outcome

    def sweep(self) -> None:
        """Kill every process the submission may have left behind (forks included), and collect them."""
        keep = {os.getpid()}
        if self.reference is not None and self.reference.alive:
            keep.add(self.reference.pid)
        for _ in range(3):
            pids = other_pids(keep)
            if not pids:
                return
            signal_all(pids, signal.SIGKILL)
            time.sleep(0.05)
            reap_zombies(keep | {c.pid for c in (self.reference, self.user) if c is not None})

    # --- correctness -----------------------------------------------------------------------------------
    def inputs_for(self, params: dict[str, Any], seed: int) -> Any:
        try:
            return self.make_inputs(dict(params), torch.Generator().manual_seed(int(seed)))
        except Exception as exc:
            raise ProblemError(f"the input generator failed: {type(exc).__name__}: {exc}") from exc

    def generate(self, params: dict[str, Any], seed: int) -> tuple[Any, bytes, bytes]:
        inputs = self.inputs_for(params, seed)
        try:
            tree, blob = codec.encode(inputs)
        except Exception as exc:
            raise ProblemError(f"the input generator returned what cannot be passed on: {exc}") from exc
        return inputs, tree, blob

    def reference_output(self, tree: bytes, blob: bytes) -> tuple[Any, Any]:
        child = self.reference_child()
        out = child.request({"op": "call", "value": tree.decode()}, blob,
                            wall_s=float(self.limits["reference_wall_s"]), cpu_s=float(self.limits["reference_wall_s"]))
        if out.verdict != "AC":
            if child.proc.poll() is not None and child.proc.returncode in (-signal.SIGKILL, -signal.SIGTERM):
                raise InterferenceError("the reference process was killed while the submission was running")
            raise ProblemError(f"the reference failed: {out.message}")
        if not out.header.get("ok"):
            raise ProblemError("the reference raised " + error_text(out.header, True))
        value_tree = out.header["value"].encode()
        return codec.decode(value_tree, out.blob), codec.device_tree(value_tree)

    def check(self, got_header: dict[str, Any], got_blob: bytes, expected: Any, expected_devices: Any,
              inputs: Any, params: dict[str, Any]) -> tuple[str, str, Any]:
        """Verdict, message and decoded output of one submission reply."""
        if not got_header.get("ok"):
            return forbid.reply_verdict(got_header), "", None  # forbid: CE when a guard fired
        try:
            tree = got_header["value"].encode()
            got = codec.decode(tree, got_blob)
            devices = codec.device_tree(tree)
        except (codec.CodecError, KeyError, AttributeError) as exc:
            return "RE", f"the output could not be read: {exc}", None
        verdict, message = self.compare(got, devices, expected, expected_devices, inputs, params)
        return verdict, message, got

    def compare(self, got: Any, devices: Any, expected: Any, expected_devices: Any,
                inputs: Any, params: dict[str, Any]) -> tuple[str, str]:
        """AC, or WA with the reason, for one decoded output against the reference's."""
        try:
            checker.compare_devices(devices, expected_devices)
            if self.custom_check is not None:
                message = self.custom_check(got, expected, inputs, dict(params))
                if message:
                    raise checker.Mismatch(str(message))
            else:
                checker.compare(got, expected, self.tols)
        except checker.Mismatch as exc:
            return "WA", str(exc)
        except Exception as exc:  # noqa: BLE001 - a checker crash on odd output is the output's fault
            return "WA", f"the output has an unexpected form ({type(exc).__name__}: {exc})"
        return "AC", ""

    def expected_for(self, test: dict[str, Any]) -> tuple[Any, bytes, bytes, Any, Any]:
        """A test's inputs and the reference's output for them, computed once per job."""
        if test["name"] not in self.expected:
            inputs, tree, blob = self.generate(test["params"], test["seed"])
            self.expected[test["name"]] = (inputs, tree, blob, *self.reference_output(tree, blob))
        return self.expected[test["name"]]

    def run_test(self, test: dict[str, Any]) -> dict[str, Any]:
        is_sample = test["kind"] == "sample"
        inputs, tree, blob, expected, expected_devices = self.expected_for(test)
        user, load = self.user_child()
        result: dict[str, Any] = {"name": test["name"], "kind": test["kind"], "weight": test.get("weight", 1)}
        if load.verdict != "AC" or not load.header.get("ok"):
            kind = load.header.get("kind", load.verdict) if load.verdict == "AC" else load.verdict
            result.update(verdict=kind, message=error_text(load.header, True) if load.header else load.message)
            return result
        out = user.request({"op": "call", "value": tree.decode()}, blob,
                           wall_s=float(self.limits["wall_s"]), cpu_s=float(self.limits["cpu_s"]))
        result.update(time_ms=round(out.wall_ns / 1e6, 3), cpu_ms=round(out.cpu_s * 1000, 1))
        if out.verdict != "AC":
            result.update(verdict=out.verdict, message=out.message)
            if out.verdict in ("RE", "MLE") and self.reference is not None and not self.reference.alive:
                raise InterferenceError("the submission killed the reference process")
        else:
            verdict, message, got = self.check(out.header, out.blob, expected, expected_devices, inputs, test["params"])
            if verdict in ("RE", "CE") and not message:
                message = error_text(out.header, is_sample)
            result.update(verdict=verdict, message=message if is_sample else checker.without_values(message))
            if is_sample:  # passing samples show their data too
                result["details"] = {"input": preview(inputs), "expected": preview(expected),
                                     "actual": preview(got) if got is not None else ""}
        if is_sample:
            printed = user.printed()
            if printed:
                result["printed"] = printed[:KEEP_OUTPUT]
        return result

    # --- the job ---------------------------------------------------------------------------------------
    def run(self) -> None:
        self.emit("started", tests=len(self.problem["tests"]))
        if self.job["mode"] != "validate":
            self.grade_solution(self.job["solution"], timed=self.job["mode"] == "submit")
            return
        for solution in self.job["solutions"]:
            self.grade_solution(solution["code"], timed=solution["timed"], solution=solution["name"])

    def grade_solution(self, code: str, timed: bool, **tag: str) -> None:
        """Refuse a solution that uses a forbidden API before it runs, else load it and grade it."""
        violation = forbid.scan(code, self.problem.get("forbid"))
        if violation:
            self.emit("final", verdict="CE", message=violation, tests=[], **tag)
            return
        self.load_solution(code)
        self.grade_one(timed, **tag)

    def load_solution(self, code: str) -> None:
        """Give the waiting runner its solution. Only validation grades a second solution in one sandbox:
        it gets a runner forked from here after the job was read, which sees the job (and the harness's
        mappings of the runners' shared memory), and that is why only the bank's own solutions are ever
        graded this way."""
        self.code = code
        if self.user is not None and not self.user.job:
            self.user.start(self.job, code)
            return
        if self.user is not None:
            self.user.kill()
        self.sweep()
        self.user = Child("submission", private=False, fork=True).watch().start(self.job, code)

    def grade_one(self, timed: bool, **tag: str) -> None:
        """Every test on the current submission runner, then timing when asked; ends with a final event."""
        user, load = self.user_child()
        if load.verdict != "AC":
            self.emit("final", verdict=load.verdict, message=load.message, tests=[], **tag)
            return
        if not load.header.get("ok"):
            kind = load.header.get("kind", "RE")
            self.emit("final", verdict=kind, message=error_text(load.header, True), tests=[], **tag)
            return
        results = []
        for index, test in enumerate(self.problem["tests"]):
            result = self.run_test(test)
            result["index"] = index
            results.append(result)
            if not tag:
                self.emit("test", result=result)
        verdict = worst([r["verdict"] for r in results])
        timing = None
        message = ""
        if verdict == "AC" and timed and self.problem["benchmarks"]:
            timing = Benchmark(self).run()
            if timing["verdict"] != "AC":
                verdict, message = timing["verdict"], timing["message"]
                timing = None
        self.emit("final", verdict=verdict, message=message, tests=results, timing=timing, **tag)
