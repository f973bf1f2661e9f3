"""The runner processes, seen from the harness: spawn, request with limits, classify how they ended.

No torch here: the harness spawns both runners first, so their torch imports overlap with its own.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import queue
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graders.sandbox import framing

RUNNER = Path(__file__).with_name("runner.py")
KEEP_OUTPUT = 64 * 1024
# A reply pipe this large carries a big output in few writes, so the transfer adds little to a timed call.
REPLY_PIPE_BYTES = 1 << 20
# Fixed glibc malloc thresholds: otherwise they adapt to each process's history, and two runners of the same
# code can pay different page-fault costs for the same large tensors.
MALLOC_ENV = {"MALLOC_MMAP_THRESHOLD_": str(32 << 20), "MALLOC_TRIM_THRESHOLD_": str(1 << 30)}


def split_cpus() -> tuple[set[int], set[int]]:
    """(the harness's CPUs, the runners' CPU) for timing. Both runners are timed on the same core, which the
    harness leaves to them when the sandbox has more than one; they never run at once, so never share it."""
    cpus = sorted(os.sched_getaffinity(0))
    return (set(cpus[:-1]) or {cpus[-1]}), {cpus[-1]}


def pin(pid: int, cpus: set[int]) -> None:
    """Run every thread of a process, and every thread it starts later, on `cpus`.

    Only for timing: while correctness is checked, processes run wherever the scheduler puts them, so
    sandboxes running side by side do not crowd onto one core."""
    with contextlib.suppress(OSError):  # a process that just ended
        for tid in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError):  # a thread that just ended
                os.sched_setaffinity(int(tid), cpus)


def oom_kills() -> int:
    """How many processes the container's memory cgroup has OOM-killed so far (cgroup v2 or v1)."""
    for path in ("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"):
        with contextlib.suppress(OSError):
            for line in Path(path).read_text().splitlines():
                name, _, value = line.partition(" ")
                if name == "oom_kill":
                    return int(value)
    return 0


def pending_bytes(stream: Any) -> int:
    """Bytes written into a pipe that nobody has read yet."""
    try:
        return struct.unpack("i", fcntl.ioctl(stream.fileno(), termios.FIONREAD, b"\0\0\0\0"))[0]
    except (OSError, ValueError):  # closed
        return 0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, all threads included."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_bytes(pid: int) -> int | None:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return None


def other_pids(keep: set[int]) -> list[int]:
    """Every process in the container except PID 1 and `keep`."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != 1 and int(entry) not in keep:
            pids.append(int(entry))
    return pids


@dataclass
class Outcome:
    """What one request to a runner produced."""

    verdict: str  # AC for a reply that arrived intact
    header: dict[str, Any] = field(default_factory=dict)
    blob: bytes = b""
    message: str = ""
    wall_ns: int = 0
    cpu_s: float = 0.0


class Child:
    """A runner process with its private request/reply pipes and captured, capped stdout/stderr."""

    def __init__(self, role: str, job: dict[str, Any], code: str, private: bool) -> None:
        self.role = role
        self.job = job
        limits = job["limits"]
        self.max_output = int(limits["output_bytes"])
        req_r, self.req_w = os.pipe()
        self.rep_r, rep_w = os.pipe()
        with contextlib.suppress(OSError):  # the kernel may cap pipe sizes lower; the default then stays
            fcntl.fcntl(self.rep_r, fcntl.F_SETPIPE_SZ, REPLY_PIPE_BYTES)
        threads = str(job["threads"])
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": "/tmp",
            "OMP_NUM_THREADS": threads,
            "MKL_NUM_THREADS": threads,
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            "TJ_PRIVATE": "1" if private else "0",
            **MALLOC_ENV,
            "TJ_LIMITS": json.dumps({"cpu_s": limits["cpu_total_s"], "file_bytes": limits["file_bytes"]}),
        }
        if "CUDA_VISIBLE_DEVICES" in os.environ:
            env["CUDA_VISIBLE_DEVICES"] = os.environ["CUDA_VISIBLE_DEVICES"]
        self.proc = subprocess.Popen(
            [sys.executable, "-I", str(RUNNER), str(req_r), str(rep_w)],
            pass_fds=(req_r, rep_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd="/tmp",
            start_new_session=True,
        )
        os.close(req_r)
        os.close(rep_w)
        self.req = os.fdopen(self.req_w, "wb")
        self.rep = os.fdopen(self.rep_r, "rb")
        self.replies: queue.Queue[tuple[str, Any, Any, int]] = queue.Queue()
        self.output_total = 0
        self.output = {"stdout": bytearray(), "stderr": bytearray()}
        self.shown = {"stdout": 0, "stderr": 0}  # how much of `output` printed() has already returned
        self.killed_for = ""
        self.oom_seen = oom_kills()
        for name, stream in (("stdout", self.proc.stdout), ("stderr", self.proc.stderr)):
            threading.Thread(target=self._drain, args=(name, stream), daemon=True).start()
        threading.Thread(target=self._read_replies, daemon=True).start()
        self._load: Outcome | None = None
        self.post({"op": "load", "code": code, "tests_code": job["problem"]["tests_code"],
                   "entry": job["problem"]["entry"], "threads": job["threads"], "device": job["device"],
                   "forbid": None if private else job["problem"].get("forbid")})  # forbid: submission only

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _drain(self, name: str, stream: Any) -> None:
        while chunk := stream.read1(65536):
            self.output_total += len(chunk)
            kept = self.output[name]
            if len(kept) < KEEP_OUTPUT:
                kept.extend(chunk[: KEEP_OUTPUT - len(kept)])

    def _read_replies(self) -> None:
        try:
            while True:
                header, blob = framing.read_frame(self.rep, self.max_output_blob())
                self.replies.put(("reply", header, blob, time.perf_counter_ns()))
        except framing.FrameTooLarge as exc:
            self.replies.put(("too_large", str(exc), None, time.perf_counter_ns()))
        except (EOFError, OSError, ValueError) as exc:
            self.replies.put(("eof", str(exc), None, time.perf_counter_ns()))

    def max_output_blob(self) -> int:
        return int(self.job["limits"]["result_bytes"])

    def printed(self) -> str:
        """What the runner printed since the last call, once the pipes are drained (the runner flushes them
        before it replies, but the drain threads may still be reading)."""
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline and any(pending_bytes(s) for s in (self.proc.stdout, self.proc.stderr)):
            time.sleep(0.002)
        time.sleep(0.005)  # a drain thread may hold a chunk it has read but not yet stored
        parts = []
        for name in ("stdout", "stderr"):
            new = self.output[name][self.shown[name]:]
            self.shown[name] = len(self.output[name])
            if new:
                parts.append(f"--- {name} ---\n" + new.decode(errors="replace"))
        return "\n".join(parts)

    def _send(self, header: dict[str, Any], blob: bytes) -> None:
        with contextlib.suppress(OSError, ValueError):
            framing.write_frame(self.req, header, blob)

    def request(self, header: dict[str, Any], blob: bytes = b"", wall_s: float = 10.0, cpu_s: float = 10.0) -> Outcome:
        """Send one request and wait for its reply while enforcing wall time, CPU time and output size."""
        self.post(header, blob)
        return self.collect(wall_s, cpu_s)

    def post(self, header: dict[str, Any], blob: bytes = b"") -> None:
        """Send a request without waiting (a writer thread, so a runner that stops reading cannot block us)."""
        self.cpu_start = cpu_seconds(self.pid)
        self.sent_ns = time.perf_counter_ns()  # before the send starts: a fast reply must not precede it
        threading.Thread(target=self._send, args=(header, blob), daemon=True).start()

    def collect(self, wall_s: float, cpu_s: float) -> Outcome:
        """Wait for the reply to the last request, killing the runner when it breaks a limit."""
        deadline = time.monotonic() + wall_s
        while True:
            try:
                kind, a, b, at_ns = self.replies.get(timeout=0.02)
                break
            except queue.Empty:
                used = cpu_seconds(self.pid) - self.cpu_start
                if self.output_total > self.max_output:
                    return self.fail("OLE", f"printed more than {self.max_output} bytes")
                if used > cpu_s:
                    return self.fail("TLE", f"CPU time limit exceeded ({used:.2f} s > {cpu_s:g} s of CPU)", used)
                if time.monotonic() > deadline:
                    return self.fail("TLE", f"wall time limit exceeded ({wall_s:g} s; CPU used {used:.2f} s)", used)
        used = cpu_seconds(self.pid) - self.cpu_start
        if kind == "reply":
            return Outcome("AC", a, b, wall_ns=at_ns - self.sent_ns, cpu_s=used)
        if kind == "too_large":
            return self.fail("OLE", f"returned too much data: {a}", used)
        return self.died(used)

    @property
    def load_outcome(self) -> Outcome:
        """The reply to `load` (sent when the process started): waited for on first use."""
        if self._load is None:
            load_s = float(self.job["limits"]["load_s"])
            self._load = self.collect(load_s, load_s)
        return self._load

    def fail(self, verdict: str, message: str, cpu_s: float = 0.0) -> Outcome:
        self.killed_for = verdict
        self.kill()
        return Outcome(verdict, message=message, cpu_s=cpu_s)

    def died(self, cpu_s: float) -> Outcome:
        """Classify a runner that closed its channel: OOM kill, CPU rlimit, or its own crash."""
        try:
            code = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
            return Outcome("RE", message="the process closed its result channel", cpu_s=cpu_s)
        if oom_kills() > self.oom_seen:
            return Outcome("MLE", message="memory limit exceeded (killed by the out-of-memory killer)", cpu_s=cpu_s)
        if code in (-signal.SIGXCPU,):
            return Outcome("TLE", message="total CPU time limit exceeded", cpu_s=cpu_s)
        if code is not None and code < 0:
            return Outcome("RE", message=f"the process was killed by signal {signal.Signals(-code).name}", cpu_s=cpu_s)
        return Outcome("RE", message=f"the process exited with code {code} before answering", cpu_s=cpu_s)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None and not self.killed_for


