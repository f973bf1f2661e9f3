"""The runner processes, seen from the harness: spawn, request with limits, classify how they ended.

No torch here: the harness spawns both runners first, so their torch imports overlap with its own.
"""

from __future__ import annotations

import contextlib
import fcntl
import mmap
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

from graders.sandbox import cpu_clock, framing

RUNNER = Path(__file__).with_name("runner.py")
KEEP_OUTPUT = 64 * 1024
# Pipes this large carry a big input or output in few writes (a 64 KiB pipe makes 8 MiB take 128 round
# trips between two processes on two cores, each a scheduler wake-up): a timed span stays mostly compute.
PIPE_BYTES = 1 << 20
# Fixed glibc malloc thresholds, set by the sandbox for the harness (and so for the runners forked from it)
# and passed on to a runner started afresh: otherwise they adapt to each process's history, and two runners
# of the same code can pay different page-fault costs for the same large tensors.
MALLOC_VARIABLES = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")
STARVED_WALL_FACTOR = 5  # a runner starved of CPU gets at most this many times its wall limit
# Each runner's own shared memory (a memfd), through which a timed span's inputs and outputs move: one copy
# each way, where a pipe costs four or five. A span's data larger than this goes through the pipe instead.
# The sandbox's file-size limit (64 MiB) bounds it; a batch's tensors take at most half (stats.MAX_BATCH_TENSOR_BYTES).
SHARED_BYTES = 64 << 20
STOP_WAIT_S = 1.0


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


def waited_seconds(pid: int) -> float:
    """Seconds the process's main thread has spent ready to run but waiting for a CPU (/proc/<pid>/schedstat).
    On a loaded machine a runner waits without being slow, and that wait is not held against it."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


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


def freeze(pids: list[int]) -> None:
    """Stop processes (SIGSTOP): a frozen process does no work, on any of its threads, until thawed."""
    signal_all(pids, signal.SIGSTOP)


def thaw(pids: list[int]) -> None:
    signal_all(pids, signal.SIGCONT)


def state(stat: str) -> str:
    """The state letter (R, S, T, Z...) of a process or thread, from its /proc/.../stat path."""
    return Path(stat).read_text().rpartition(")")[2].split()[0]  # after the name, which may hold spaces


def all_threads_stopped(pid: int) -> bool:
    """Every thread of `pid` is stopped (SIGSTOP takes effect on each thread asynchronously), or it is gone."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return True
    for tid in tasks:
        try:
            letter = state(f"/proc/{pid}/task/{tid}/stat")
        except (OSError, IndexError):
            continue
        if letter not in ("T", "t", "Z", "X"):
            return False
    return True


def stop_all(keep: set[int]) -> tuple[list[int], bool]:
    """SIGSTOP every process but PID 1 and `keep`, and wait until none of them runs. Only a running process
    can start another, so once every listed one is stopped, a listing with nothing new is final. Returns the
    pids signalled (to `thaw`), and whether all stopped within STOP_WAIT_S."""
    signalled: list[int] = []
    deadline = time.monotonic() + STOP_WAIT_S
    while True:
        new = [pid for pid in other_pids(keep) if pid not in signalled]
        if not new:
            return signalled, True
        freeze(new)
        signalled += new
        while not all(all_threads_stopped(pid) for pid in new):
            if time.monotonic() > deadline:
                return signalled, False
            time.sleep(0.0002)


def signal_all(pids: list[int], sig: int) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, sig)


def reap_zombies(keep: set[int]) -> None:
    """Collect orphans that ended. The harness is the container's PID 1, so every process the submission
    leaves behind becomes its child; the runners in `keep` are waited for by their Popen objects instead."""
    for pid in other_pids(keep):
        with contextlib.suppress(OSError, IndexError):
            if state(f"/proc/{pid}/stat") == "Z":
                os.waitpid(pid, os.WNOHANG)


@dataclass
class Outcome:
    """What one request to a runner produced."""

    verdict: str  # AC for a reply that arrived intact
    header: dict[str, Any] = field(default_factory=dict)
    blob: bytes = b""
    message: str = ""
    wall_ns: int = 0
    cpu_s: float = 0.0
    sent_ns: int = 0  # the harness's clock (perf_counter_ns) when the request started to go out
    at_ns: int = 0  # ... and when the whole reply had arrived

    @property
    def ok(self) -> bool:
        """A reply arrived and the runner reported success."""
        return self.verdict == "AC" and bool(self.header.get("ok"))


class ForkedRunner:
    """A runner forked from the harness before any job exists, with the subset of Popen that Child uses.

    The fork starts with torch already imported, which is most of a sandbox's start-up; since no job has
    been read yet, the harness's memory holds nothing the runner may not see. Only a runner restarted after
    a crash, once the job is known, is a fresh `exec` instead (see Child)."""

    def __init__(self, req_r: int, rep_w: int, shared_fd: int, private: bool, env: dict[str, str]) -> None:
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            status = 70
            try:
                become_runner((req_r, rep_w, shared_fd), out_w, err_w, env)
                from graders.sandbox import runner

                runner.serve_pipes(req_r, rep_w, shared_fd, private)
                status = 0
            finally:
                os._exit(status)
        self.pid = pid
        self.returncode: int | None = None
        os.close(out_w)
        os.close(err_w)
        self.stdout = os.fdopen(out_r, "rb")
        self.stderr = os.fdopen(err_r, "rb")

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # already collected
                self.returncode = -signal.SIGKILL
                return self.returncode
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"runner {self.pid}", timeout or 0)
            time.sleep(0.005)
        return self.returncode

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)


def become_runner(keep: tuple[int, ...], out_w: int, err_w: int, env: dict[str, str]) -> None:
    """In the forked child: a session of its own, its own stdout/stderr pipes, no other descriptor of the
    harness (stdin, where the job will come, and the other runner's shared memory least of all), the
    runner's environment."""
    os.setsid()
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(out_w, 1)
    os.dup2(err_w, 2)
    low = 3
    for fd in sorted(keep):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, os.sysconf("SC_OPEN_MAX"))
    os.environ.clear()
    os.environ.update(env)
    os.chdir("/tmp")


class Child:
    """A runner process with its private request/reply pipes and captured, capped stdout/stderr.

    It is spawned before the job exists (forked, `fork=True`: by the harness at start) or after (a fresh
    interpreter), and is given its job by `start`. Its output is drained from `watch` on: the harness forks
    both runners before it starts any thread."""

    def __init__(self, role: str, private: bool, fork: bool = False) -> None:
        self.role = role
        self.private = private
        self.job: dict[str, Any] = {}
        self.max_output = 0
        req_r, self.req_w = os.pipe()
        self.rep_r, rep_w = os.pipe()
        for end in (self.req_w, self.rep_r):
            with contextlib.suppress(OSError):  # the kernel may cap pipe sizes lower; the default then stays
                fcntl.fcntl(end, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        threads = os.environ.get("TJ_THREADS", "1")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": "/tmp",
            "OMP_NUM_THREADS": threads,
            "MKL_NUM_THREADS": threads,
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            "TJ_PRIVATE": "1" if private else "0",
            **{name: os.environ[name] for name in MALLOC_VARIABLES if name in os.environ},
        }
        if "CUDA_VISIBLE_DEVICES" in os.environ:
            env["CUDA_VISIBLE_DEVICES"] = os.environ["CUDA_VISIBLE_DEVICES"]
        # Its own shared memory, mapped here only on first use (`shared`): by then both runners of a job
        # are forked, so neither inherits a mapping of the other's. Pages are allocated as they are touched.
        self.shared_fd = os.memfd_create(f"tj-{role}", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
        os.ftruncate(self.shared_fd, SHARED_BYTES)
        # Sealed at its size: a runner that shrank it would crash the harness (SIGBUS) as it reads.
        fcntl.fcntl(self.shared_fd, fcntl.F_ADD_SEALS, fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_GROW | fcntl.F_SEAL_SEAL)
        self._shared: mmap.mmap | None = None
        if fork:
            self.proc: ForkedRunner | subprocess.Popen = ForkedRunner(req_r, rep_w, self.shared_fd, private, env)
        else:
            self.proc = subprocess.Popen(
                [sys.executable, "-I", str(RUNNER), str(req_r), str(rep_w), str(self.shared_fd)],
                pass_fds=(req_r, rep_w, self.shared_fd),
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
        self.oom_seen = 0
        self._load: Outcome | None = None
        if not fork:
            self.watch()

    def watch(self) -> Child:
        """Drain the runner's stdout and stderr from now on."""
        for name, stream in (("stdout", self.proc.stdout), ("stderr", self.proc.stderr)):
            threading.Thread(target=self._drain, args=(name, stream), daemon=True).start()
        return self

    def start(self, job: dict[str, Any], code: str) -> Child:
        """Give the waiting runner its job: limits, the problem's driver and the code to load."""
        self.job = job
        limits = job["limits"]
        self.max_output = int(limits["output_bytes"])
        self.oom_seen = oom_kills()
        threading.Thread(target=self._read_replies, daemon=True).start()
        self.post({"op": "load", "code": code, "tests_code": job["problem"]["tests_code"],
                   "entry": job["problem"]["entry"], "threads": job["threads"], "device": job["device"],
                   "limits": {"cpu_s": limits["cpu_total_s"], "file_bytes": limits["file_bytes"]},
                   "forbid": None if self.private else job["problem"].get("forbid")})  # the submission only
        return self

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
        self.wait_start = waited_seconds(self.pid)
        self.others_start = self.others_ns()
        self.sent_ns = time.perf_counter_ns()  # before the send starts: a fast reply must not precede it
        threading.Thread(target=self._send, args=(header, blob), daemon=True).start()

    def collect(self, wall_s: float, cpu_s: float) -> Outcome:
        """Wait for the reply to the last request, killing the runner when it breaks a limit. The wall limit
        does not count time the runner spent waiting for a CPU, up to STARVED_WALL_FACTOR times the limit:
        a sleeping or blocked runner still times out at the limit, a starved one is not failed for it."""
        started = time.monotonic()
        deadline = started + wall_s
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
                    waited = self.excused_wait(used)
                    deadline = started + min(wall_s + waited, STARVED_WALL_FACTOR * wall_s)
                    if time.monotonic() > deadline:
                        return self.fail("TLE", f"wall time limit exceeded ({wall_s:g} s, not counting {waited:.1f} s "
                                                f"waiting for a CPU; CPU used {used:.2f} s)", used)
        used = cpu_seconds(self.pid) - self.cpu_start
        if kind == "reply":
            return Outcome("AC", a, b, wall_ns=at_ns - self.sent_ns, cpu_s=used, sent_ns=self.sent_ns, at_ns=at_ns)
        if kind == "too_large":
            return self.fail("OLE", f"returned too much data: {a}", used)
        return self.died(used)

    @staticmethod
    def others_ns() -> int:
        """CPU time of the sandbox's processes but the harness, where the sandbox is a cgroup of its own."""
        clock = cpu_clock.sandbox()
        return clock.others_ns() if clock else 0

    def excused_wait(self, used: float) -> float:
        """Seconds the runner waited for a CPU since the request, less the CPU time the sandbox's other
        processes used meanwhile: a runner starved by processes it started itself (a fork bomb) is not
        excused for it, one starved by the machine's other work is."""
        waited = waited_seconds(self.pid) - self.wait_start
        crowd = (self.others_ns() - self.others_start) / 1e9 - used
        return max(waited - max(crowd, 0.0), 0.0)

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

    @property
    def shared(self) -> mmap.mmap:
        """The harness's mapping of this runner's shared memory (see __init__ for why only now)."""
        if self._shared is None:
            self._shared = mmap.mmap(self.shared_fd, SHARED_BYTES)
        return self._shared

    def release_shared(self) -> None:
        """Unmap and close the shared memory, once (a closed descriptor's number may be reused)."""
        if self._shared is not None:
            with contextlib.suppress(BufferError):  # a view still held: the mapping goes with the harness
                self._shared.close()
            self._shared = None
        if self.shared_fd >= 0:
            os.close(self.shared_fd)
            self.shared_fd = -1

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        self.release_shared()
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None and not self.killed_for


