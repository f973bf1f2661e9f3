"""The trusted harness: the sandbox container's main process (PID 1).

It starts both runner processes and imports torch while no job exists yet, so a pre-started sandbox is
ready the moment a job arrives. Then it reads one job from stdin (problem files, tests with their seeds,
the submission, an HMAC key), closes stdin, and:
  1. gives the reference's runner the reference and the submission's runner the submission;
  2. generates each test's inputs, has both runners compute outputs from their own copy of the inputs,
     and compares them here, outside the submission's process;
  3. on a full pass (submit mode), times both runners on identical fresh inputs, interleaved, on the same
     core, with every other process frozen while one of them is timed;
  4. writes every event to stdout as a line signed with the job's key. The worker ignores unsigned lines,
     so nothing the submission prints can forge a verdict.
A validation job may hold several problems (`batch`): each is graded in turn with runners forked for it,
and its events carry its slug.
The harness is non-dumpable from its first line, so the runners (same uid) cannot open its /proc entries,
its file descriptors (the event stream on fd 1) included; as PID 1 it also ignores their signals.
Nothing here imports Django; nothing the submission returns is unpickled.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import hashlib
import hmac
import json
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

PR_SET_DUMPABLE = 4


def set_non_dumpable() -> None:
    """Make /proc/<pid>/{mem,fd,environ} and ptrace unavailable to other processes of our uid."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE) failed")


set_non_dumpable()
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from graders.sandbox.processes import Child  # noqa: E402


class Emitter:
    """Signed event lines on stdout: `TJ1 <hmac-sha256 hex> <json>`."""

    def __init__(self, key: bytes) -> None:
        self.key = key
        self.seq = 0
        self.lock = threading.Lock()

    def emit(self, event: str, **data: Any) -> None:
        with self.lock:
            self.seq += 1
            body = json.dumps({"event": event, "seq": self.seq, **data}, allow_nan=False, default=str).encode()
            sig = hmac.new(self.key, body, hashlib.sha256).hexdigest().encode()
            line = memoryview(b"TJ1 " + sig + b" " + body + b"\n")
            while line:
                line = line[os.write(1, line):]


def main() -> None:
    # Import torch once, then fork both runners from here, all before the job exists: that is most of a
    # sandbox's start-up, done while it waits in the pool. No thread may run while forking. The cyclic
    # garbage collector is off while importing (its passes over torch's fresh objects cost a fifth of the
    # import's CPU time), and what the imports made is then frozen out of its reach, so the runners do not
    # walk it again (nor copy its pages, which a pass touches, after the fork).
    gc.disable()
    import torch  # noqa: F401

    from graders.sandbox import judging, preload, runner  # noqa: F401

    preload.load(os.environ.get(preload.ENV, ""))  # a pool's sandbox for transformers problems, say
    gc.freeze()
    gc.enable()

    reference = Child("reference", private=True, fork=True)
    user = Child("submission", private=False, fork=True)
    reference.watch()
    user.watch()

    job = json.loads(sys.stdin.buffer.read())
    sys.stdin.close()  # nothing more comes in, and the runners never had it
    emitter = Emitter(bytes.fromhex(job.pop("key")))
    if "batch" not in job:
        grade(job, emitter.emit, reference, user)
        return
    # Validation of several problems in one sandbox (graders/validation.py): the bank's own solutions only.
    # Each problem gets runners forked from here after the job was read, as validation's later solutions do.
    for index, problem_job in enumerate(job["batch"]):
        if index:
            reference = Child("reference", private=True, fork=True).watch()
            user = Child("submission", private=False, fork=True).watch()
        grade(problem_job, functools.partial(emitter.emit, problem=problem_job["problem"]["slug"]), reference, user)


def grade(job: dict[str, Any], emit: Callable[..., None], reference: Child, user: Child) -> None:
    """Grade one job with the two runners, always ending with a signed final event and no runner left."""
    from graders.sandbox.judging import Harness, InterferenceError, ProblemError

    reference.start(job, job["problem"]["reference_code"])  # the submission's runner: Harness.load_solution
    harness: Harness | None = None
    try:
        harness = Harness(job, emit, reference, user)
        harness.run()
    except InterferenceError as exc:
        emit("final", verdict="RE", message=str(exc), tests=[])
    except ProblemError as exc:
        emit("final", verdict="IE", message=f"problem error: {exc}", tests=[])
    except Exception:  # noqa: BLE001 - the harness must always end with a signed verdict
        emit("final", verdict="IE", message="harness error:\n" + traceback.format_exc()[-4000:], tests=[])
    finally:
        for child in (harness.reference, harness.user) if harness is not None else (reference, user):
            if child is not None:
                child.kill()
        if harness is not None:
            harness.sweep()


if __name__ == "__main__":
    main()
