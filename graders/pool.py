"""A warm pool of single-use sandboxes, per worker process: the container is started and torch imported
before the job exists, so a Run answers in well under a second.

Each pooled container is created exactly as a cold one (`container_config`), started, and left waiting for
its job on stdin; its harness has imported torch and forked both runners meanwhile. A job takes the oldest
live container, which is removed after that one job, and a replacement starts in the background. What a
job may change is applied when it arrives (the memory limit, and full CPU weight: a waiting container runs
at the lowest weight so its warm-up never slows a job being graded or timed); what cannot change after a
container starts (image, GPU, CPU quota, process limit) is the pool's key, and a job with another key, or
one that finds the pool empty, gets a cold container instead. A dead container is never given a job, and
one that dies with the Docker engine is replaced as soon as the engine answers again. While a job is
timed, the rest of the pool is frozen, so no warm-up competes with the runners being timed.

Two flavours wait: plain sandboxes, and (by default one) whose harness has also imported the heavy
libraries (transformers, torchvision: graders/sandbox/preload.py) before forking. A job of a problem that
uses them takes a preloaded one; everything else takes a plain one, which starts in a second or two.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import threading
import time
import uuid
from dataclasses import dataclass, replace

import docker

from graders.container import (
    ENGINE_ERRORS,
    WORKER_LABEL,
    DockerSandbox,
    InfrastructureError,
    LineHandler,
    RunStatus,
    SandboxSpec,
    container_config,
)
from graders.sandbox.preload import LIBRARIES

log = logging.getLogger(__name__)
POOL_LABEL = "torchjudge.pool"
IDLE_CPU_SHARES = 2  # cgroup CPU weight of a waiting container (Docker's default is 1024)
JOB_CPU_SHARES = 1024
WARM_SANDBOX_MB = 700  # measured: one waiting sandbox (harness and both runners, torch imported); see docs
RETRY_S = 2.0
RETIRE_WAIT_S = 5.0  # how long a timed job waits for used containers to be gone before it starts


def default_size(concurrency: int = 1) -> int:
    """Warm sandboxes per worker process: two, unless memory or cores say fewer (an idle sandbox holds
    about WARM_SANDBOX_MB, and each one's warm-up takes a core for a second or two)."""
    pages, page_size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    memory_mb = pages * page_size // (1 << 20)
    by_memory = memory_mb // 4 // WARM_SANDBOX_MB  # at most a quarter of the memory waits in pools
    by_cores = os.cpu_count() or 1
    return max(1, min(2, by_memory // max(concurrency, 1), by_cores))


def pool_key(spec: SandboxSpec) -> tuple:
    """What a container cannot change once started."""
    return (spec.image, spec.gpu, spec.cpus, spec.cpuset, spec.pids, spec.tmpfs_mb, spec.threads)


PRELOADED = tuple(sorted(LIBRARIES))  # the flavour of sandbox that imported every heavy library


def flavour(spec: SandboxSpec) -> tuple[str, ...]:
    """Which waiting sandbox a job takes: a preloaded one when its problem uses a heavy library."""
    return PRELOADED if spec.preload else ()


@dataclass
class Warm:
    cid: str
    started: float


class WarmPool:
    """Pre-started sandboxes for one pool key; `run` has the `Sandbox` interface."""

    def __init__(self, spec: SandboxSpec, size: int, sandbox: DockerSandbox | None = None,
                 preloaded: int = 1) -> None:
        self.sandbox = sandbox or DockerSandbox()
        self.spec = replace(spec, labels={**spec.labels, POOL_LABEL: "1"})
        self.key = pool_key(spec)
        self.sizes = {(): size, PRELOADED: preloaded}
        self.idle: dict[tuple[str, ...], collections.deque[Warm]] = {f: collections.deque() for f in self.sizes}
        self.starting = dict.fromkeys(self.sizes, 0)
        self.lock = threading.Condition()
        self.closed = False
        self.last_error = ""
        self.handed_out = 0
        self.used: set[str] = set()  # containers given a job: each must be gone soon after
        self.cold_starts = 0
        self.quiet_jobs = 0  # timed jobs running: while any is, the rest of the pool is frozen
        self.retiring = 0  # used containers being killed and removed in the background
        self.frozen: set[str] = set()
        self.filler = threading.Thread(target=self._fill, name="warm-pool", daemon=True)
        self.filler.start()

    # --- the Sandbox interface -------------------------------------------------------------------------
    def run(self, job: bytes, spec: SandboxSpec, on_line: LineHandler) -> RunStatus:
        warm = self.take(flavour(spec)) if pool_key(spec) == self.key else None
        if warm is None:
            with self.lock:
                self.cold_starts += 1
            return self.sandbox.run(job, spec, on_line)
        started = time.monotonic()
        if spec.timed:
            self._hush()
        try:
            self._prepare(warm.cid, spec)
            return self.sandbox.attach_and_run(warm.cid, job, spec, on_line, started, start=False)
        except ENGINE_ERRORS as exc:
            raise InfrastructureError(f"the warm sandbox failed: {exc}") from exc
        finally:
            if spec.timed:
                self._unhush()
            self.retire(warm.cid)
            self.sandbox.after_job(spec)

    def _hush(self) -> None:
        """While a job is timed, nothing else of this pool runs: the waiting containers are frozen (a
        container still importing torch would take CPU and cache from the timed runners) and no new one
        starts. A used container still being removed is waited for. A concurrent job that takes a frozen
        container thaws it first."""
        with self.lock:
            self.quiet_jobs += 1
            # The last job's container may still be dying (its processes' memory freed by the kernel, its
            # layer removed): a tenth of a second or two of CPU that must not fall inside this job's timing.
            self.lock.wait_for(lambda: not self.retiring, timeout=RETIRE_WAIT_S)
            if self.quiet_jobs > 1:
                return
            freeze = [w.cid for waiting in self.idle.values() for w in waiting]
            self.frozen.update(freeze)
        for cid in freeze:
            with contextlib.suppress(*ENGINE_ERRORS):
                self.sandbox.client.api.pause(cid)

    def _unhush(self) -> None:
        with self.lock:
            self.quiet_jobs -= 1
            if self.quiet_jobs:
                return
            thaw, self.frozen = self.frozen, set()
            self.lock.notify_all()
        for cid in thaw:
            self._thaw(cid)

    def _thaw(self, cid: str) -> None:
        with contextlib.suppress(*ENGINE_ERRORS):
            self.sandbox.client.api.unpause(cid)

    def retire(self, cid: str) -> None:
        """Kill and remove a used container off the job's critical path (its verdict is in). One that
        cannot be removed now is left to the orphan reaper of the next worker start."""
        def remove() -> None:
            try:
                self.sandbox.remove(cid)
            except InfrastructureError as exc:
                log.warning("could not remove used sandbox %s: %s", cid[:12], exc)
            finally:
                with self.lock:
                    self.retiring -= 1
                    self.lock.notify_all()

        with self.lock:
            self.retiring += 1
        threading.Thread(target=remove, name="retire-sandbox", daemon=True).start()

    # --- taking and filling ----------------------------------------------------------------------------
    def take(self, kind: tuple[str, ...]) -> Warm | None:
        """The oldest container of that flavour that is still running; dead ones are removed, never handed
        out."""
        while True:
            with self.lock:
                if not self.idle[kind]:
                    return None
                warm = self.idle[kind].popleft()
                self.lock.notify_all()  # the filler starts a replacement
            with self.lock:
                frozen = warm.cid in self.frozen
                self.frozen.discard(warm.cid)
            if frozen:
                self._thaw(warm.cid)
            if self._running(warm.cid):
                with self.lock:
                    self.handed_out += 1
                    self.used.add(warm.cid)
                return warm
            log.warning("warm sandbox %s died while waiting: replaced", warm.cid[:12])
            self.sandbox.remove(warm.cid)

    def _running(self, cid: str) -> bool:
        try:
            return bool(self.sandbox.client.api.inspect_container(cid)["State"]["Running"])
        except ENGINE_ERRORS:
            return False

    def _prepare(self, cid: str, spec: SandboxSpec) -> None:
        """Apply what depends on the job: its memory limit, and full CPU weight."""
        memory = f"{spec.memory_mb}m"
        self.sandbox.client.api.update_container(cid, mem_limit=memory, memswap_limit=memory,
                                                 cpu_shares=JOB_CPU_SHARES)

    def _fill(self) -> None:
        """Keep `size` containers started; after a failure (the engine restarting), try again shortly.
        While the pool is full, look every few seconds for containers that died while waiting."""
        while True:
            with self.lock:
                if self.closed:
                    return
                kind = None if self.quiet_jobs > 0 else next(
                    (f for f, size in self.sizes.items() if len(self.idle[f]) + self.starting[f] < size), None)
                if kind is None:
                    self.lock.wait(timeout=5)
                else:
                    self.starting[kind] += 1
            if kind is None:
                self._drop_dead()
                continue
            try:
                warm = self._start_one(kind)
                with self.lock:
                    self.idle[kind].append(warm)
                    self.last_error = ""
            except (*ENGINE_ERRORS, InfrastructureError) as exc:
                with self.lock:
                    self.last_error = f"{type(exc).__name__}: {exc}"[:300]
                log.warning("warm pool: could not start a sandbox (%s); retrying", exc)
                time.sleep(RETRY_S)
            finally:
                with self.lock:
                    self.starting[kind] -= 1

    def _start_one(self, kind: tuple[str, ...]) -> Warm:
        api = self.sandbox.client.api
        create, host = container_config(replace(self.spec, preload=kind))
        host["cpu_shares"] = IDLE_CPU_SHARES
        # Named before it exists, as a cold sandbox is: a create whose reply is lost can still be removed.
        name = f"torchjudge-warm-{uuid.uuid4().hex}"
        try:
            api.create_container(host_config=api.create_host_config(**host), name=name, **create)
            api.start(name)
        except BaseException:
            with contextlib.suppress(InfrastructureError):
                self.sandbox.remove(name)
            raise
        return Warm(api.inspect_container(name)["Id"], time.monotonic())

    def _drop_dead(self) -> None:
        """Containers that died while waiting (an engine restart kills them all) leave the pool."""
        with self.lock:
            waiting = [w for kind in self.idle.values() for w in kind]
        dead = [w for w in waiting if not self._running(w.cid)]
        if not dead:
            return
        with self.lock:
            for warm in dead:
                for kind in self.idle.values():
                    with contextlib.suppress(ValueError):
                        kind.remove(warm)
            self.lock.notify_all()
        for warm in dead:
            self.sandbox.remove(warm.cid)

    # --- state and shutdown ----------------------------------------------------------------------------
    def status(self) -> dict:
        with self.lock:
            now = time.monotonic()
            waiting = sorted((w for kind in self.idle.values() for w in kind), key=lambda w: w.started)
            return {"image": self.spec.image, "gpu": self.spec.gpu, "size": self.sizes[()],
                    "preloaded": self.sizes[PRELOADED], "idle": len(self.idle[()]),
                    "idle_preloaded": len(self.idle[PRELOADED]), "starting": sum(self.starting.values()),
                    "oldest_s": round(now - waiting[0].started, 1) if waiting else None,
                    "handed_out": self.handed_out, "cold_starts": self.cold_starts, "last_error": self.last_error}

    def __enter__(self) -> WarmPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        with self.lock:
            self.closed = True
            waiting = [w for kind in self.idle.values() for w in kind]
            for kind in self.idle.values():
                kind.clear()
            self.lock.notify_all()
        for warm in waiting:
            if warm.cid in self.frozen:
                self._thaw(warm.cid)  # Docker may not see a frozen container's processes exit
            with contextlib.suppress(InfrastructureError):
                self.sandbox.remove(warm.cid)


def pooled_containers(client: docker.DockerClient) -> list[dict]:
    """Every warm sandbox on this Docker engine, waiting or grading, for `manage.py pool_status`: which
    worker process owns it, its state and age. Read from Docker, so any process can ask."""
    rows = []
    for info in client.api.containers(all=True, filters={"label": POOL_LABEL}):
        rows.append({"id": info["Id"][:12], "worker": info.get("Labels", {}).get(WORKER_LABEL, "?"),
                     "state": info.get("State", "?"), "status": info.get("Status", ""),
                     "image": info.get("Image", "")})
    return rows
