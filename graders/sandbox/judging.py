"""Judging inside the sandbox: generate inputs, compare the submission with the reference, time both.

The harness (harness.py) imports this after it has started the runners, because importing torch is slow.
"""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import time
from typing import Any

import torch

from graders.sandbox import checker, codec, forbid
from graders.sandbox.processes import KEEP_OUTPUT, Child, Outcome, other_pids, peak_rss_bytes, pin, split_cpus
from graders.sandbox.verdicts import worst


class ProblemError(Exception):
    """The problem's own code (generator, reference, checker) failed: an internal error, never the user's."""


class InterferenceError(Exception):
    """The submission interfered with the trusted processes (killed or stopped them)."""


def preview(value: Any, limit: int = 3000) -> str:
    """A short human-readable rendering of a value, for sample-test feedback."""
    with torch.no_grad():
        torch.set_printoptions(precision=5, threshold=200, edgeitems=3, linewidth=100)
        text = repr(value)
    return text if len(text) <= limit else text[:limit] + " …"


def error_text(header: dict[str, Any], with_traceback: bool) -> str:
    err = header.get("error", {})
    text = f"{err.get('type', 'Error')}: {err.get('message', '')}"
    if with_traceback and err.get("traceback"):
        text += "\n\n" + err["traceback"]
    return text


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
        self.user: Child | None = user
        self.runner_cpu: set[int] = set()  # chosen when timing starts (see benchmark)

    # --- processes -------------------------------------------------------------------------------------
    def reference_child(self) -> Child:
        if self.reference is None or not self.reference.alive:
            if self.reference is not None:
                self.reference.kill()
            self.reference = Child("reference", self.job, self.problem["reference_code"], private=True)
        load = self.reference.load_outcome
        if load.verdict != "AC" or not load.header.get("ok"):
            detail = error_text(load.header, True) if load.header else load.message
            raise ProblemError(f"the reference solution failed to load: {detail}")
        return self.reference

    def user_child(self) -> tuple[Child, Outcome]:
        if self.user is None or not self.user.alive:
            self.sweep()
            self.user = Child("submission", self.job, self.job["solution"], private=False)
        return self.user, self.user.load_outcome

    def sweep(self) -> None:
        """Kill every process the submission may have left behind (forks included)."""
        keep = {os.getpid()}
        if self.reference is not None and self.reference.alive:
            keep.add(self.reference.pid)
        for _ in range(3):
            pids = other_pids(keep)
            if not pids:
                return
            for pid in pids:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.05)

    # --- correctness -----------------------------------------------------------------------------------
    def generate(self, params: dict[str, Any], seed: int) -> tuple[Any, bytes, bytes]:
        gen = torch.Generator().manual_seed(int(seed))
        try:
            inputs = self.make_inputs(dict(params), gen)
            tree, blob = codec.encode(inputs)
        except Exception as exc:
            raise ProblemError(f"the input generator failed: {type(exc).__name__}: {exc}") from exc
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
        try:
            checker.compare_devices(devices, expected_devices)
            if self.custom_check is not None:
                message = self.custom_check(got, expected, inputs, dict(params))
                if message:
                    raise checker.Mismatch(str(message))
            else:
                checker.compare(got, expected, self.tols)
        except checker.Mismatch as exc:
            return "WA", str(exc), got
        except Exception as exc:  # noqa: BLE001 - a checker crash on odd output is the output's fault
            return "WA", f"the output has an unexpected form ({type(exc).__name__}: {exc})", got
        return "AC", "", got

    def run_test(self, test: dict[str, Any]) -> dict[str, Any]:
        is_sample = test["kind"] == "sample"
        inputs, tree, blob = self.generate(test["params"], test["seed"])
        expected, expected_devices = self.reference_output(tree, blob)
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
            if is_sample and verdict != "AC":
                result["details"] = {"input": preview(inputs), "expected": preview(expected),
                                     "actual": preview(got) if got is not None else ""}
        if is_sample:
            printed = user.printed()
            if printed:
                result["printed"] = printed[:KEEP_OUTPUT]
        return result

    # --- speed -----------------------------------------------------------------------------------------
    def timed(self, child: Child, tree: bytes, blob: bytes) -> Outcome:
        """Stage the inputs (untimed), then time `go` → full reply with every other process frozen.

        Both runners are frozen in turn, so neither can slow the other, and the cost of a freeze falls equally
        on both (when only the reference paid it, the reference judged against itself came out 16% slower)."""
        pin(child.pid, self.runner_cpu)
        staged = child.request({"op": "stage", "value": tree.decode()}, blob,
                               wall_s=float(self.limits["wall_s"]), cpu_s=float(self.limits["cpu_s"]))
        if staged.verdict != "AC":
            return staged
        frozen = other_pids({os.getpid(), child.pid})
        for pid in frozen:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGSTOP)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(child.pid, signal.SIGCONT)
        try:
            return child.request({"op": "go"}, wall_s=float(self.limits["wall_s"]), cpu_s=float(self.limits["cpu_s"]))
        finally:
            for pid in frozen:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGCONT)

    @staticmethod
    def elapsed_ms(out: Outcome) -> float:
        """The trusted wall time, or the device time when it is plausible (never more than the wall time)."""
        wall_ms = out.wall_ns / 1e6
        device_ms = out.header.get("device_ms")
        if isinstance(device_ms, (int, float)) and 0 < device_ms <= wall_ms:
            return float(device_ms)
        return wall_ms

    def benchmark(self) -> dict[str, Any]:
        timing = self.job["timing"]
        harness_cpus, self.runner_cpu = split_cpus()
        pin(os.getpid(), harness_cpus)
        torch.set_num_threads(len(harness_cpus))  # more OpenMP threads than cores would spin against each other
        cases = []
        for case in self.problem["benchmarks"]:
            ref_times: list[float] = []
            user_times: list[float] = []
            started = time.monotonic()
            rep = 0
            while True:
                inputs, tree, blob = self.generate(case["params"], case["seed"] + rep)
                pair: dict[str, Outcome] = {}
                order = ("reference", "submission") if rep % 2 == 0 else ("submission", "reference")
                for role in order:
                    child = self.reference_child() if role == "reference" else self.user_child()[0]
                    pair[role] = self.timed(child, tree, blob)
                ref_out, user_out = pair["reference"], pair["submission"]
                if ref_out.verdict != "AC" or not ref_out.header.get("ok"):
                    raise ProblemError(f"the reference failed while timed: {ref_out.message or ref_out.header}")
                if user_out.verdict != "AC":
                    return {"verdict": user_out.verdict, "message": f"while timed: {user_out.message}"}
                expected_tree = ref_out.header["value"].encode()
                expected = codec.decode(expected_tree, ref_out.blob)
                verdict, message, _ = self.check(user_out.header, user_out.blob, expected,
                                                 codec.device_tree(expected_tree), inputs, case["params"])
                if verdict != "AC":
                    return {"verdict": verdict, "message": f"wrong output while timed ({case['name']}): {message}"}
                rep += 1
                if rep > timing["warmup"]:
                    ref_times.append(self.elapsed_ms(ref_out))
                    user_times.append(self.elapsed_ms(user_out))
                n = len(user_times)
                # At least one timed pair, however slow the warm-up was; then stop at the run or time budget.
                if n and (n >= timing["max_runs"] or time.monotonic() - started > timing["budget_s"]):
                    break
                if n >= timing["min_runs"] and max(rse(ref_times), rse(user_times)) < timing["rse"]:
                    break
            cases.append({
                "name": case["name"], "runs": len(user_times),
                "user_ms": statistics.median(user_times), "ref_ms": statistics.median(ref_times),
                "user_rse": finite_or_none(rse(user_times)), "ref_rse": finite_or_none(rse(ref_times)),
            })
        user, _ = self.user_child()
        return {
            "verdict": "AC",
            "cases": cases,
            "user_peak_bytes": peak_rss_bytes(user.pid),
            "ref_peak_bytes": peak_rss_bytes(self.reference_child().pid),
        }

    # --- the job ---------------------------------------------------------------------------------------
    def run(self) -> None:
        self.emit("started", tests=len(self.problem["tests"]))
        user, load = self.user_child()
        if load.verdict != "AC":
            self.emit("final", verdict=load.verdict, message=load.message, tests=[])
            return
        if not load.header.get("ok"):
            kind = load.header.get("kind", "RE")
            self.emit("final", verdict=kind, message=error_text(load.header, True), tests=[])
            return
        results = []
        for index, test in enumerate(self.problem["tests"]):
            result = self.run_test(test)
            result["index"] = index
            results.append(result)
            self.emit("test", result=result)
        verdict = worst([r["verdict"] for r in results])
        timing = None
        message = ""
        if verdict == "AC" and self.job["mode"] == "submit" and self.problem["benchmarks"]:
            timing = self.benchmark()
            if timing["verdict"] != "AC":
                verdict, message = timing["verdict"], timing["message"]
                timing = None
        self.emit("final", verdict=verdict, message=message, tests=results, timing=timing)


def finite_or_none(value: float) -> float | None:
    """JSON has no infinity: an undefined statistic (fewer than two runs) is reported as null."""
    return value if value != float("inf") else None


def rse(values: list[float]) -> float:
    """Relative standard error of the mean; infinite until there are two values."""
    if len(values) < 2:
        return float("inf")
    mean = statistics.fmean(values)
    return statistics.stdev(values) / (len(values) ** 0.5) / mean if mean > 0 else float("inf")


