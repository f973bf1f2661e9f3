"""Helpers for the fault tests: waiting on real state, submissions, real worker processes and their sandboxes,
and restarting the real services (the Docker engine, PostgreSQL) the way they were started."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path

import docker
from django.db import DatabaseError, connection

from graders.container import LABEL, WORKER_LABEL
from judge.models import Problem, Submission
from tests.integration.sandbox import REFERENCE

# A correct solution that is still being graded seconds after its sandbox started, so a fault can be injected
# while the job is in flight however fast the machine is. Each fault test injects its fault as soon as the
# sandbox runs; every retry sleeps again, so the sleep is as short as leaves room for that.
SLOW_REFERENCE = "import time\ntime.sleep(8)\n" + REFERENCE


def wait_for(predicate, timeout: float = 240, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def new_submission(user, problem_slug: str = "stable-softmax", code: str = REFERENCE) -> Submission:
    problem = Problem.objects.get(slug=problem_slug)
    return Submission.objects.create(user=user, problem=problem, version=problem.live_version, code=code, mode="run")


def reload(submission: Submission) -> Submission:
    """The submission as the database has it now; unchanged while the database itself is restarting."""
    try:
        submission.refresh_from_db()
    except DatabaseError:
        connection.close()
    return submission


def process_group(proc: subprocess.Popen) -> set[int]:
    """The live processes of a worker (started in its own session): the main process and its pool."""
    pids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == proc.pid:
                    pids.add(int(entry.name))
            except ProcessLookupError:
                continue
    return pids


def sandboxes_of(pids: set[int], running_only: bool = False) -> list[str]:
    """Sandbox containers (in any state) that these worker processes on this host started."""
    owners = {f"{socket.gethostname()}:{pid}" for pid in pids}
    # The low-level listing: no per-container inspect that a concurrent removal turns into a 404.
    containers = docker.from_env().api.containers(all=not running_only, filters={"label": LABEL})
    return [c["Names"][0] for c in containers if (c.get("Labels") or {}).get(WORKER_LABEL) in owners]


def graded_lines(log: Path, submission: Submission) -> int:
    """How many times the worker's log says it stored a final result for this submission."""
    return len(re.findall(rf"'graded: submission {submission.pk} ", log.read_text(errors="replace")))


def _dead(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] in ("Z", "X")
    except (OSError, IndexError):
        return True


def engine_pid() -> int:
    """The dockerd that serves DOCKER_HOST (or the default socket)."""
    sock = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock").removeprefix("unix://")
    default = sock in ("/var/run/docker.sock", "/run/docker.sock")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().decode().split("\0")
        except OSError:
            continue
        if not argv or Path(argv[0]).name != "dockerd" or _dead(int(entry.name)):
            continue
        hosts = [a for a in argv if a.startswith(("-H", "--host"))]
        if any(sock in a for a in argv) or (default and not hosts):
            return int(entry.name)
    raise AssertionError(f"no dockerd serves {sock}")


def restart_engine() -> None:
    """Kill the Docker engine as a crash would, and start it again with its own command line and log file
    (scripts/engine.sh starts it as `dockerd --bridge=none --iptables=false`)."""
    pid = engine_pid()
    argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode().rstrip("\0").split("\0")
    log = os.readlink(f"/proc/{pid}/fd/1")
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: _dead(pid), timeout=30, what="dockerd to die")
    # dockerd refuses to start while its pid file names a process still in /proc, as a killed one is until
    # its parent reaps it.
    pidfile = _pidfile(argv)
    if pidfile.exists() and pidfile.read_text().strip() == str(pid):
        pidfile.unlink()
    for _ in range(3):  # on a loaded machine dockerd can give up waiting for its containerd: start it again
        with open(log, "ab") as out:
            engine = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                      start_new_session=True)
        if wait_for(lambda proc=engine: proc.poll() is not None or _engine_answers(), timeout=120,
                    what="dockerd to start") and engine.poll() is None:
            return
    raise AssertionError(f"the Docker engine did not start again; see {log}")


def _pidfile(argv: list[str]) -> Path:
    for i, arg in enumerate(argv):
        if arg.startswith("--pidfile="):
            return Path(arg.split("=", 1)[1])
        if arg in ("-p", "--pidfile") and i + 1 < len(argv):
            return Path(argv[i + 1])
    return Path("/var/run/docker.pid")


def _engine_answers() -> bool:
    try:
        return docker.from_env(timeout=5).ping()
    except Exception:  # noqa: BLE001 - not up yet
        return False


def restart_postgres() -> None:
    """Restart the PostgreSQL cluster that holds the test database (a fast shutdown ends every connection)."""
    port = str(connection.settings_dict["PORT"] or 5432)
    clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True).stdout
    version, name = next(line.split()[:2] for line in clusters.splitlines() if line.split()[2] == port)
    subprocess.run(["pg_ctlcluster", version, name, "restart"], check=True, timeout=120)
