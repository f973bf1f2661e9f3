"""Timing inside the sandbox: how fast the submission computes, against the reference, on the same core.

What is timed is the user's computation, and only the harness's clock is used. For each timed span the
harness freezes every other process, then sends the runner its fresh inputs (`stage`), has it run them
(`go`, replied to after the calls return and the device is idle) and takes the outputs back (`fetch`). The
span runs without a gap from the first byte of the inputs to the last byte of the outputs, so work the
runner moves anywhere (into staging, past its reply in a thread or onto a side stream) is inside it.

    reference time  = its `go`
    submission time = its `go` + max(0, median(its span - its go) - median(reference's span - go))

Moving the data in and out costs honest code what it costs the reference, so only the calls are compared
(for a memory-bound problem the data movement is twice the call, and its noise used to swamp the score);
whatever the submission's spans spend beyond the reference's outside `go` is work it deferred, and is added
back. The speedup of a case is the median of its pair-by-pair ratios (reference time over submission time):
a slow moment of the machine slows both halves of a pair and cancels, where calls of a memory-bound problem
vary by 20% from pair to pair. The submission's time is reported as the reference's median over it.

Short calls are batched: k calls per span, each on its own fresh input, time divided by k. Every output
of every timed call is checked against the reference's for the same input, so a cached or unfinished output
is a Wrong Answer. A case stops at its share of the budget, or earlier once the relative standard error of
its pair ratios is below the target.
"""

from __future__ import annotations

import math
import os
import statistics
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import torch

from graders.sandbox import codec, cpu_clock
from graders.sandbox.errors import InterferenceError, ProblemError, error_text
from graders.sandbox.processes import (
    Child,
    Outcome,
    freeze,
    other_pids,
    peak_rss_bytes,
    pin,
    split_cpus,
    stop_all,
    thaw,
)
from graders.sandbox.stats import batch_size, deferred_ms, finite_or_none, pair_ratios, rse

if TYPE_CHECKING:
    from graders.sandbox.judging import Harness

PROGRESS_EVERY_S = 0.25


@dataclass
class Span:
    """One timed span of one runner, in nanoseconds of the timing clock: the runner's CPU time on CPU, the
    harness's wall clock on CUDA and in the process sandbox (graders/sandbox/cpu_clock.py)."""

    total_ns: int  # first byte of the inputs out .. last byte of the outputs in
    call_ns: int  # `go` sent .. its reply in
    outputs: Any
    devices: Any
    output_bytes: tuple[int, int]  # the outputs' value tree (JSON) and tensor data, as fetched

    @property
    def overhead_ns(self) -> int:
        return self.total_ns - self.call_ns


class Failure(Exception):
    """The submission failed while timed: its verdict and message replace Accepted."""

    def __init__(self, verdict: str, message: str) -> None:
        super().__init__(message)
        self.verdict = verdict
        self.message = message


class Benchmark:
    """Times the reference and the submission on every benchmark case of the job."""

    def __init__(self, harness: Harness) -> None:
        self.harness = harness
        self.settings = harness.job["timing"]
        self.wall_s = float(harness.limits["wall_s"])
        self.cpu_s = float(harness.limits["cpu_s"])
        self.reference_wall_s = float(harness.limits["reference_wall_s"])
        self.runner_cpu: set[int] = set()
        self.cpu = cpu_clock.for_job(harness.job["device"])

    def run(self) -> dict[str, Any]:
        harness_cpus, self.runner_cpu = split_cpus()
        pin(os.getpid(), harness_cpus)
        torch.set_num_threads(len(harness_cpus))  # more OpenMP threads than cores would spin against each other
        cases = self.harness.problem["benchmarks"]
        deadline = time.monotonic() + float(self.settings["budget_s"])
        self.harness.emit("timing", case=cases[0]["name"], index=0, cases=len(cases), pairs=0, rse=None)
        results = []
        try:
            for index, case in enumerate(cases):
                share = (deadline - time.monotonic()) / (len(cases) - index)
                results.append(self.run_case(case, index, len(cases), time.monotonic() + max(share, 0.0)))
        except Failure as exc:
            return {"verdict": exc.verdict, "message": exc.message}
        user, _ = self.harness.user_child()
        return {
            "verdict": "AC",
            "clock": "cpu" if self.cpu else "wall",
            "cases": results,
            "user_peak_bytes": peak_rss_bytes(user.pid),
            "ref_peak_bytes": peak_rss_bytes(self.harness.reference_child().pid),
        }

    def run_case(self, case: dict[str, Any], index: int, count: int, deadline: float) -> dict[str, Any]:
        """Interleaved pairs (reference, submission; then the other order) until the case is measured."""
        warmup, min_runs, max_runs = (int(self.settings[k]) for k in ("warmup", "min_runs", "max_runs"))
        warmup = max(warmup, 1)  # warm-up pairs size the batch, so they are never counted
        batch = 1
        fastest_call_ms = math.inf  # the reference's fastest call in warm-up: the first one pays one-time costs
        next_seed = int(case["seed"])
        ref_gos: list[float] = []  # per call, in ms: `go` (the calls), and span - go (staging and fetching)
        user_gos: list[float] = []
        ref_overheads: list[float] = []
        user_overheads: list[float] = []
        shown = time.monotonic()
        rep = 0
        while True:
            rep_started = time.monotonic()
            inputs = [self.harness.inputs_for(case["params"], next_seed + j) for j in range(batch)]
            next_seed += batch
            tree, blob = codec.encode(inputs)
            order = ("reference", "submission") if rep % 2 == 0 else ("submission", "reference")
            spans = {role: self.span(role, tree, blob) for role in order}
            self.check(spans["submission"], spans["reference"], inputs, case)
            rep += 1
            if rep <= warmup:
                fastest_call_ms = min(fastest_call_ms, spans["reference"].call_ns / 1e6 / batch)
                json_bytes, tensor_bytes = spans["reference"].output_bytes
                batch = batch_size(fastest_call_ms, (len(blob) + tensor_bytes) // batch,
                                   (len(tree) + json_bytes) // batch)
                continue
            for role, gos, overheads in (("reference", ref_gos, ref_overheads),
                                         ("submission", user_gos, user_overheads)):
                gos.append(spans[role].call_ns / 1e6 / batch)
                overheads.append(spans[role].overhead_ns / 1e6 / batch)
            deferred = deferred_ms(user_overheads, ref_overheads)
            user_times = [go + deferred for go in user_gos]
            ratios = pair_ratios(ref_gos, user_times)
            n = len(ref_gos)
            precision = rse(ratios)
            if time.monotonic() - shown >= PROGRESS_EVERY_S:
                shown = time.monotonic()
                self.harness.emit("timing", case=case["name"], index=index, cases=count, pairs=n,
                                  rse=finite_or_none(precision))
            # Stop before a pair that would end past the deadline: the next one takes about as long as this one.
            now = time.monotonic()
            if n >= max_runs or (n >= 1 and now + (now - rep_started) > deadline):
                break
            if n >= min_runs and precision < float(self.settings["rse"]):
                break
        self.harness.emit("timing", case=case["name"], index=index, cases=count, pairs=n,
                          rse=finite_or_none(precision))
        ref_ms = statistics.median(ref_gos)
        return {
            "name": case["name"], "runs": n, "batch": batch,
            "speedup_rse": finite_or_none(precision),
            # The submission's time as the reference's median over the median pair ratio: so ref_ms / user_ms
            # is that ratio, where a slow moment of the machine, slowing both halves of a pair, cancels.
            "user_ms": ref_ms / statistics.median(ratios), "ref_ms": ref_ms,
            "overhead_ms": statistics.median(ref_overheads), "deferred_ms": deferred,
            "user_go_ms": statistics.median(user_gos),
            "user_rse": finite_or_none(rse(user_times)), "ref_rse": finite_or_none(rse(ref_gos)),
        }

    def span(self, role: str, tree: bytes, blob: bytearray) -> Span:
        """stage → go → fetch on one runner, with every other process frozen for the whole span. The data
        moves through the runner's shared memory; the submission's outputs are read from it only once the
        submission (and anything it started) is stopped, so nothing it does after its reply can change them."""
        child = self.harness.reference_child() if role == "reference" else self.harness.user_child()[0]
        pin(child.pid, self.runner_cpu)
        frozen = other_pids({os.getpid(), child.pid})
        freeze(frozen)
        thaw([child.pid])  # frozen with the rest while the other side was timed
        try:
            # The span starts before the inputs are copied in: the runner can see them from then on.
            started_ns, cpu_started = time.perf_counter_ns(), self.cpu_ns()
            self.request(child, *self.stage_request(child, tree, blob))
            cpu_go = self.cpu_ns()
            done = self.request(child, {"op": "go"})
            cpu_done = self.cpu_ns()
            fetched = self.request(child, {"op": "fetch", "shared": True})
            cpu_fetched = self.cpu_ns()
            if role == "submission":
                stopped, all_stopped = stop_all({os.getpid()})
                frozen += stopped
                if not all_stopped:
                    self.fail(role, "RE", "its processes could not be stopped to read its output")
            value_tree, outputs, devices, blob_bytes = self.read_outputs(role, child, fetched)
        finally:
            thaw(frozen)
        if self.cpu:
            total_ns, call_ns = cpu_fetched - cpu_started, cpu_done - cpu_go
        else:
            total_ns, call_ns = fetched.at_ns - started_ns, done.wall_ns
        return Span(total_ns, call_ns, outputs, devices, (len(value_tree), blob_bytes))

    def cpu_ns(self) -> int:
        """CPU time of the sandbox's processes but the harness (0 where the wall clock is the measure). Read
        between requests, when the timed runner waits for the next one, so its time so far is accounted."""
        return self.cpu.others_ns() if self.cpu else 0

    @staticmethod
    def stage_request(child: Child, tree: bytes, blob: bytearray) -> tuple[dict[str, Any], bytes | bytearray]:
        """The `stage` request, its inputs copied into the runner's shared memory when they fit there."""
        header: dict[str, Any] = {"op": "stage", "value": tree.decode()}
        if len(blob) > len(child.shared):
            return header, blob
        child.shared[:len(blob)] = blob
        return {**header, "shared": len(blob)}, b""

    def read_outputs(self, role: str, child: Child, fetched: Outcome) -> tuple[bytes, Any, Any, int]:
        """The outputs a `fetch` left in shared memory or sent on the pipe, decoded into the harness's own copies."""
        size = fetched.header.get("shared")
        if size is not None and not (isinstance(size, int) and 0 <= size <= len(child.shared)):
            self.fail(role, "RE", f"the runner's reply while timed named {size!r} bytes of output")
        try:
            value_tree = fetched.header["value"].encode()
            source = fetched.blob if size is None else memoryview(child.shared)[:size]
            outputs = codec.decode(value_tree, source)
            devices = codec.device_tree(value_tree)
        except (codec.CodecError, KeyError, AttributeError) as exc:
            self.fail(role, "RE", f"the output could not be read while timed: {exc}")
        return value_tree, outputs, devices, len(source)

    def request(self, child: Child, header: dict[str, Any], blob: bytes = b"") -> Outcome:
        limit = self.wall_s if child.role == "submission" else self.reference_wall_s
        out = child.request(header, blob, wall_s=limit, cpu_s=limit if child.role == "reference" else self.cpu_s)
        if out.verdict != "AC":
            self.fail(child.role, out.verdict, f"while timed: {out.message}")
        if not out.header.get("ok"):
            self.fail(child.role, out.header.get("kind", "RE"),
                      "while timed: " + error_text(out.header, child.role == "submission"))
        return out

    def fail(self, role: str, verdict: str, message: str) -> None:
        if role == "reference":
            reference = self.harness.reference
            if reference is not None and reference.proc.poll() is not None and reference.proc.returncode < 0:
                raise InterferenceError(f"the reference process was killed while timed: {message}")
            raise ProblemError(f"the reference failed while timed: {message}")
        raise Failure(verdict, message)

    def check(self, user: Span, ref: Span, inputs: list[Any], case: dict[str, Any]) -> None:
        """Every timed call's output must be right: a fast wrong answer is a wrong answer."""
        if not (isinstance(user.outputs, list) and isinstance(user.devices, list)
                and len(user.outputs) == len(user.devices) == len(inputs)):
            raise Failure("RE", f"the runner's reply while timed ({case['name']}) was not one output per call")
        for j, item in enumerate(inputs):
            verdict, message = self.harness.compare(user.outputs[j], user.devices[j], ref.outputs[j],
                                                    ref.devices[j], item, case["params"])
            if verdict != "AC":
                raise Failure(verdict, f"wrong output while timed ({case['name']}): {message}")
