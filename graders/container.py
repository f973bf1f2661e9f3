"""The Docker sandbox, host side: one single-use hardened container per grading job.

The host only ever sends the job on the container's stdin and reads its stdout stream; it never reads a
file or follows a path the sandbox wrote. `Sandbox` is the interface the engine calls, so a pool of
pre-started single-use containers can replace `DockerSandbox` without changing any caller.
"""

from __future__ import annotations

import contextlib
import os
import socket
import struct
import subprocess
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import docker
import requests
from docker.types import DeviceRequest, LogConfig, Ulimit

from graders.sandbox import cpu_clock, preload

LABEL = "torchjudge.sandbox"
WORKER_LABEL = "torchjudge.worker"
SANDBOX_UID = "10001:10001"
MALLOC_ENV = {"MALLOC_MMAP_THRESHOLD_": str(32 << 20), "MALLOC_TRIM_THRESHOLD_": str(1 << 30)}
# Every way a Docker call fails: the SDK's own errors, and the transport's (a restarting engine drops the
# connection, which requests reports as its own ConnectionError, and a broken attach socket as an OSError).
ENGINE_ERRORS = (docker.errors.DockerException, requests.exceptions.RequestException, OSError)
REMOVE_PATIENCE_S = 60.0  # how long a removal waits for a restarting engine before it gives up


class InfrastructureError(Exception):
    """The sandbox could not run the job (no engine, no image, a Docker error): never the user's fault."""


@dataclass(frozen=True)
class SandboxSpec:
    """Resources and limits of one sandbox run."""

    image: str
    wall_s: float
    memory_mb: int = 2048
    cpus: float = 1.0
    cpuset: str | None = None
    pids: int = 128
    tmpfs_mb: int = 64
    max_stdout_bytes: int = 8 << 20
    gpu: str | None = None  # a device index or UUID; None runs on the CPU
    threads: int = 1  # torch threads of each runner
    timed: bool = False  # the job times the submission: a warm pool keeps everything else of its own still
    preload: tuple[str, ...] = ()  # libraries the harness imports before forking the runners (sandbox/preload.py)
    labels: dict[str, str] = field(default_factory=dict)


@dataclass
class RunStatus:
    """How a container run ended, as seen from the host."""

    exit_code: int | None
    oom_killed: bool
    timed_out: bool
    output_overflow: bool
    stderr_tail: str
    seconds: float


# Called with each line the harness writes; returns True once the line completes the result (a verified
# final verdict), so the sandbox can stop reading and leave the container's teardown off the critical path.
LineHandler = Callable[[bytes], bool | None]


class Sandbox(Protocol):
    def run(self, job: bytes, spec: SandboxSpec, on_line: LineHandler) -> RunStatus: ...


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def container_config(spec: SandboxSpec) -> tuple[dict, dict]:
    """(create_container kwargs, host-config kwargs) for a spec: every hardening choice in one place."""
    host = {
        "network_mode": "none",
        "read_only": True,
        "tmpfs": {"/tmp": f"rw,nosuid,nodev,size={spec.tmpfs_mb}m,mode=1777"},
        "mem_limit": f"{spec.memory_mb}m",
        "memswap_limit": f"{spec.memory_mb}m",
        "pids_limit": spec.pids,
        "nano_cpus": int(spec.cpus * 1e9),
        "cap_drop": ["ALL"],
        "security_opt": ["no-new-privileges"],
        # No init process: the harness is PID 1, so the runners can neither signal it nor open its
        # non-dumpable /proc entries (the event stream on fd 1 among them); it reaps orphans itself.
        "init": False,
        "ipc_mode": "private",
        "shm_size": "64m",
        "ulimits": [
            Ulimit(name="nofile", soft=1024, hard=1024),
            Ulimit(name="fsize", soft=64 << 20, hard=64 << 20),
            Ulimit(name="core", soft=0, hard=0),
        ],
        "log_config": LogConfig(type="json-file", config={"max-size": "1m", "max-file": "1"}),
    }
    if spec.cpuset:
        host["cpuset_cpus"] = spec.cpuset
    if spec.gpu is not None:
        host["device_requests"] = [DeviceRequest(device_ids=[spec.gpu], capabilities=[["gpu"]])]
    create = {
        "image": spec.image,
        "user": SANDBOX_UID,
        "stdin_open": True,
        "detach": False,
        "network_disabled": True,
        "working_dir": "/tmp",
        "labels": {LABEL: "1", WORKER_LABEL: worker_id(), **spec.labels},
        # Fixed glibc malloc thresholds for the harness and the runners forked from it: large tensors are
        # reused from the heap instead of freshly mapped, whose first touch is slow (and uneven) in a VM.
        # The container is a cgroup of its own, so the harness may time the runners by their CPU time.
        "environment": {"TJ_THREADS": str(spec.threads), preload.ENV: ",".join(spec.preload), **MALLOC_ENV,
                        cpu_clock.ENV: "cgroup",
                        **({"CUDA_VISIBLE_DEVICES": "0"} if spec.gpu is not None else {})},
    }
    return create, host


class DockerSandbox:
    """Runs each job in a fresh container that is removed in every outcome."""

    def __init__(self, client: docker.DockerClient | None = None) -> None:
        try:
            self.client = client or docker.from_env(timeout=120)
            self.client.ping()
        except ENGINE_ERRORS as exc:
            raise InfrastructureError(f"the Docker engine does not answer: {exc}") from exc

    def run(self, job: bytes, spec: SandboxSpec, on_line: LineHandler) -> RunStatus:
        api = self.client.api
        create, host = container_config(spec)
        started = time.monotonic()
        # Named before it exists: if the engine drops the connection while it creates the container, the
        # name still finds whatever it made, so nothing is left behind.
        cid = f"torchjudge-{uuid.uuid4().hex}"
        try:
            try:
                api.create_container(host_config=api.create_host_config(**host), name=cid, **create)
            except docker.errors.ImageNotFound as exc:
                raise InfrastructureError(f"sandbox image {spec.image} is missing: run scripts/engine.sh") from exc
            except ENGINE_ERRORS as exc:
                raise InfrastructureError(f"could not create the sandbox: {exc}") from exc
            try:
                return self.attach_and_run(cid, job, spec, on_line, started, start=True)
            except ENGINE_ERRORS as exc:
                raise InfrastructureError(f"the sandbox failed: {exc}") from exc
        finally:
            self.remove(cid)
            self.after_job(spec)

    def after_job(self, spec: SandboxSpec) -> None:
        if spec.gpu is not None:
            ensure_gpu_idle(spec.gpu)

    def attach_and_run(self, cid: str, job: bytes, spec: SandboxSpec, on_line: LineHandler,
                       started: float, start: bool) -> RunStatus:
        """Send the job to a container (started here, or already waiting in a pool) and read its events.
        Once the verified final verdict has arrived the job is over: it returns at once, and the caller's
        forced removal kills whatever is left (the pool's in the background). Waiting for the harness to exit
        took over a second, and even a kill here, which Docker answers only once every process has died, took
        0.2 s of a 0.3 s Run. A GPU container is waited for, so the device is free when it returns."""
        api = self.client.api
        sock = api.attach_socket(cid, params={"stdin": 1, "stdout": 1, "stderr": 1, "stream": 1})
        raw = sock._sock
        try:
            if start:
                api.start(cid)
            raw.sendall(job)
            raw.shutdown(socket.SHUT_WR)
            reader = _StreamReader(raw, spec.max_stdout_bytes, on_line)
            timed_out = not reader.read_until(started + spec.wall_s)
        finally:
            # Close our end for good before anything else: Docker cannot finish a container whose output
            # stream nobody reads, so a kill or remove would hang on a flooding sandbox.
            with contextlib.suppress(OSError):
                raw.shutdown(socket.SHUT_RDWR)
            raw.close()
            sock.close()
        if reader.complete and spec.gpu is None:  # the caller's forced removal kills what is left
            return RunStatus(exit_code=None, oom_killed=False, timed_out=False, output_overflow=False,
                             stderr_tail=reader.stderr[-4000:].decode(errors="replace"),
                             seconds=time.monotonic() - started)
        if timed_out or reader.overflow or reader.complete:
            with contextlib.suppress(docker.errors.NotFound, docker.errors.APIError):
                api.kill(cid)
        exit_code = api.wait(cid, timeout=60).get("StatusCode")
        state = api.inspect_container(cid)["State"]
        return RunStatus(
            exit_code=exit_code,
            oom_killed=bool(state.get("OOMKilled")),
            timed_out=timed_out,
            output_overflow=reader.overflow,
            stderr_tail=reader.stderr[-4000:].decode(errors="replace"),
            seconds=time.monotonic() - started,
        )

    def remove(self, cid: str) -> None:
        """Remove a container in any state, waiting out an engine restart (seconds) rather than leaving it
        behind. Killing a container makes the kernel kill every process of its PID namespace; until the last
        one is gone its PID 1 is a zombie that Docker refuses to remove: that answer is waited out too."""
        deadline = time.monotonic() + REMOVE_PATIENCE_S
        while True:
            try:
                self.client.api.remove_container(cid, force=True, v=True)
                return
            except docker.errors.NotFound:
                return
            except ENGINE_ERRORS as exc:
                if time.monotonic() > deadline:
                    raise InfrastructureError(f"could not remove sandbox {cid}: {exc}") from exc
                time.sleep(1.0)

    def reap_orphans(self) -> int:
        """Remove sandbox containers whose worker process on this host is gone. Returns how many."""
        removed = 0
        host = socket.gethostname()
        for info in self.client.api.containers(all=True, filters={"label": LABEL}):
            owner = info.get("Labels", {}).get(WORKER_LABEL, "")
            owner_host, _, pid = owner.rpartition(":")
            if owner_host == host and pid.isdigit() and _alive(int(pid)):
                continue
            self.remove(info["Id"])
            removed += 1
        return removed


def gpu_processes(gpu: str) -> list[str]:
    """Compute processes still holding a GPU, as nvidia-smi on the host reports them."""
    out = subprocess.run(
        ["nvidia-smi", "-i", gpu, "--query-compute-apps=pid", "--format=csv,noheader"],
        capture_output=True, text=True, timeout=30, check=True,
    ).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def ensure_gpu_idle(gpu: str) -> None:
    """After a GPU job, nothing may still hold the GPU: the next timed job must have it alone."""
    try:
        holders = gpu_processes(gpu)
    except (OSError, subprocess.SubprocessError) as exc:
        raise InfrastructureError(f"could not check GPU {gpu} with nvidia-smi: {exc}") from exc
    if holders:
        raise InfrastructureError(f"GPU {gpu} is still held by process(es) {', '.join(holders)} after the job")


def _alive(pid: int) -> bool:
    """A zombie counts as dead: a killed worker's pool process can linger as one when nothing reaps it."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


class _StreamReader:
    """Demultiplexes Docker's attach stream: stdout lines go to `on_line`, stderr is kept (capped)."""

    def __init__(self, raw: socket.socket, cap: int, on_line: LineHandler) -> None:
        self.raw = raw
        self.cap = cap
        self.on_line = on_line
        self.buffer = b""
        self.pending = b""
        self.stdout_total = 0
        self.stderr = b""
        self.overflow = False
        self.complete = False  # a line completed the result: nothing more is read

    def read_until(self, deadline: float) -> bool:
        """Read to end of stream; False when the deadline passed first (or output overflowed)."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self.raw.settimeout(min(remaining, 1.0))
            try:
                chunk = self.raw.recv(65536)
            except TimeoutError:
                continue
            if not chunk:
                self._flush_line(final=True)
                return True
            self.buffer += chunk
            self._frames()
            if self.overflow or self.complete:
                return True

    def _frames(self) -> None:
        while len(self.buffer) >= 8:
            kind, size = self.buffer[0], struct.unpack(">I", self.buffer[4:8])[0]
            if len(self.buffer) < 8 + size:
                return
            payload, self.buffer = self.buffer[8 : 8 + size], self.buffer[8 + size :]
            if kind == 2:
                self.stderr = (self.stderr + payload)[-65536:]
                continue
            self.stdout_total += len(payload)
            if self.stdout_total > self.cap:
                self.overflow = True
                return
            self.pending += payload
            self._flush_line(final=False)

    def _flush_line(self, final: bool) -> None:
        *lines, self.pending = self.pending.split(b"\n")
        if final and self.pending:
            lines.append(self.pending)
            self.pending = b""
        for line in lines:
            if self.complete:
                return
            self.complete = bool(self.on_line(line))
