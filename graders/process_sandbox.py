"""The process sandbox: the grading harness as a plain process in a private PID namespace, for checking the
problem bank on hosts without a Docker engine (GPU machines used only to validate problems).

It is *not* a security boundary: no filesystem, network or memory isolation, and the code runs as the user
who started it. It exists so `validate_problems --sandbox process` grades the bank's own (trusted) solutions
exactly as the container does. The private PID namespace (`unshare --pid --fork --mount-proc`) is what makes
that true: the harness freezes "every other process" while it times one runner and sweeps "every process the
submission left behind", and in a fresh namespace those are only its own runners, never the host's.
Without one the harness would stop and kill host processes, so the sandbox refuses to run.

A worker never grades here: `forbid()` is called when a Celery worker starts, after which construction fails.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from graders.container import InfrastructureError, LineHandler, RunStatus, SandboxSpec
from graders.sandbox import preload

HARNESS = Path(__file__).resolve().parent / "sandbox" / "harness.py"
# What the runners need from the environment; everything else of the caller's environment is left behind.
PASSED_ENV = ("PATH", "LD_LIBRARY_PATH", "CUDA_HOME", "TRITON_CACHE_DIR")
_forbidden_by: str | None = None


class NamespaceUnavailable(InfrastructureError):
    """No private PID namespace can be made here: the process sandbox refuses to run."""


def forbid(who: str) -> None:
    """Make every later ProcessSandbox() in this process fail: called by the Celery worker at start-up."""
    global _forbidden_by
    _forbidden_by = who


def namespace_command(unshare: str) -> list[str]:
    # --kill-child: when unshare dies (our timeout kill), the kernel kills the namespace's init, and with it
    # every process in the namespace.
    return [unshare, "--pid", "--fork", "--mount-proc", "--kill-child"]


def check_namespace(unshare: str) -> None:
    """Raise NamespaceUnavailable unless `unshare` can make a private PID namespace here, right now."""
    path = shutil.which(unshare)
    if path is None:
        raise NamespaceUnavailable(
            f"the process sandbox needs a private PID namespace, but `{unshare}` was not found "
            "(install util-linux, or grade with Docker: --sandbox docker)")
    try:
        probe = subprocess.run([*namespace_command(path), "true"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        raise NamespaceUnavailable(f"the process sandbox could not start `{path}`: {exc}") from exc
    if probe.returncode != 0:
        raise NamespaceUnavailable(
            "the process sandbox needs a private PID namespace and cannot make one here "
            f"(`unshare --pid --fork --mount-proc` failed: {probe.stderr.strip() or probe.returncode}); "
            "run it as root (or with CAP_SYS_ADMIN), or grade with Docker: --sandbox docker")


class ProcessSandbox:
    """Runs each job as `unshare --pid --fork --mount-proc python harness.py`, reading its signed event lines.

    `python` must have the sandbox image's packages (torch, safetensors, torchvision, transformers); default:
    $TJ_PROCESS_PYTHON, else this interpreter.
    """

    def __init__(self, python: str | None = None, unshare: str = "unshare") -> None:
        if _forbidden_by is not None:
            raise InfrastructureError(
                f"the process sandbox is for validating problems only and cannot be used by {_forbidden_by}")
        self.python = python or os.environ.get("TJ_PROCESS_PYTHON") or sys.executable
        self.unshare = shutil.which(unshare) or unshare
        check_namespace(self.unshare)

    def environment(self, spec: SandboxSpec) -> dict[str, str]:
        env = {name: os.environ[name] for name in PASSED_ENV if name in os.environ}
        env.update({"HOME": "/tmp", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1",
                    "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", preload.ENV: ",".join(spec.preload)})
        if spec.gpu is not None:
            env["CUDA_VISIBLE_DEVICES"] = spec.gpu  # the runners see exactly this GPU, as device 0
        return env

    def run(self, job: bytes, spec: SandboxSpec, on_line: LineHandler) -> RunStatus:
        command = [*namespace_command(self.unshare), self.python, "-I", "-X", "faulthandler", str(HARNESS)]
        started = time.monotonic()
        try:
            proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    env=self.environment(spec), cwd="/tmp", start_new_session=True)
        except OSError as exc:
            raise InfrastructureError(f"could not start the harness process: {exc}") from exc
        stderr = bytearray()
        drain = threading.Thread(target=_keep_tail, args=(proc.stderr, stderr), daemon=True)
        drain.start()
        feeder = threading.Thread(target=_feed, args=(proc.stdin, job), daemon=True)
        feeder.start()
        expired = threading.Event()
        timer = threading.Timer(spec.wall_s, lambda: (expired.set(), _kill_group(proc)))
        timer.start()
        overflow = False
        total = 0
        try:
            for line in proc.stdout:
                total += len(line)
                if total > spec.max_stdout_bytes:
                    overflow = True
                    _kill_group(proc)
                    break
                on_line(line.rstrip(b"\n"))
            proc.wait()
        finally:
            timer.cancel()
            if proc.poll() is None:
                _kill_group(proc)
                proc.wait()
            proc.stdout.close()
        drain.join(timeout=5)
        seconds = time.monotonic() - started
        return RunStatus(
            exit_code=proc.returncode,
            oom_killed=False,  # no memory cgroup here: a runner's memory limit is its own (see runner.confine)
            timed_out=expired.is_set(),
            output_overflow=overflow,
            stderr_tail=bytes(stderr[-4000:]).decode(errors="replace"),
            seconds=seconds,
        )


def _feed(stream, job: bytes) -> None:
    """Write the job and close stdin; a harness that died early has closed its end, which is not our error."""
    try:
        stream.write(job)
        stream.close()
    except (BrokenPipeError, OSError):
        pass


def _keep_tail(stream, tail: bytearray) -> None:
    for chunk in iter(lambda: stream.read(65536), b""):
        tail.extend(chunk)
        del tail[:-65536]
    stream.close()


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill unshare and, through --kill-child, the whole namespace."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
