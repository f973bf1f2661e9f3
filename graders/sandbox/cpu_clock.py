"""The CPU time that a sandbox's runners use, read by the harness from the kernel's accounting of the
sandbox's cgroup.

Why a CPU clock: the speed score compares the submission's work with the reference's, on the same core. Wall
time also counts the moments a runner waited for the CPU while a neighbour ran: the warm pool refilling the
sandbox this job used up, another worker's job, the engine. On the 2-core VM such waits moved single pair
ratios of a solution that does twice the work from 0.5 to 1.0. The kernel counts a cgroup's CPU time per task
as it runs, so a wait for the CPU is not in it, while every thread and process the submission starts is,
even one that has exited. The harness reads it; nothing the submission does can lower it.

During a timed span every process but the harness and the timed runner is stopped, so the cgroup's usage less
the harness's own CPU time is the runner's. Only a container is a cgroup of its own: the process sandbox
(a PID namespace on a GPU host) shares its host's, and a CUDA job's work is the device's, so both keep the
harness's wall clock (`for_job` gives None).
"""

from __future__ import annotations

import os
import time

ENV = "TJ_CPU_CLOCK"  # "cgroup": set by the Docker sandbox, whose cgroup holds the sandbox's processes alone
CGROUP_V1 = "/sys/fs/cgroup/cpuacct/cpuacct.usage"  # nanoseconds
CGROUP_V2 = "/sys/fs/cgroup/cpu.stat"  # "usage_usec N" among other lines


def usage_ns(text: str) -> int:
    """A cgroup's CPU time in nanoseconds, from its v1 `cpuacct.usage` or its v2 `cpu.stat`."""
    for line in text.splitlines():
        name, _, value = line.partition(" ")
        if name == "usage_usec":
            return int(value) * 1000
    return int(text)  # v1: the nanoseconds alone; anything else raises ValueError


class CgroupCpu:
    """CPU nanoseconds used by every process of the sandbox but the harness (the caller)."""

    def __init__(self, path: str) -> None:
        # Opened once, on first use; a read is one pread. A runner forked later (validation's) inherits the
        # descriptor, which shows it nothing it cannot read in /sys/fs/cgroup itself.
        self.fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)

    def others_ns(self) -> int:
        """The cgroup's CPU time less the harness's own (all its threads, exact to the call)."""
        return usage_ns(os.pread(self.fd, 4096, 0).decode()) - time.process_time_ns()


_sandbox: list[CgroupCpu | None] = []


def sandbox() -> CgroupCpu | None:
    """This sandbox's CPU clock, opened on first use; None where the sandbox is no cgroup of its own."""
    if not _sandbox:
        path = next((p for p in (CGROUP_V1, CGROUP_V2) if os.path.exists(p)), None)
        _sandbox.append(CgroupCpu(path) if path and os.environ.get(ENV) == "cgroup" else None)
    return _sandbox[0]


def for_job(device: str) -> CgroupCpu | None:
    """The CPU clock for timing a job on `device`, or None where the wall clock is the measure (see above)."""
    return sandbox() if device == "cpu" else None
