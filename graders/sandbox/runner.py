"""One solution in its own process: the harness spawns this twice, for the reference and for the submission.

The runner loads a solution module and the problem's driver, then answers the harness's requests on a
private pair of pipes (file descriptors given on the command line). Print output of the solution goes to
this process's stdout/stderr, which the harness captures separately with size caps.

Requests:
  load  {code, tests_code, entry, threads, device}  import the solution; reply ok, or a CE/RE error
  call  {} + inputs value                            run once; reply with the output value
  stage {} + inputs value                            hold inputs for a timed call (moved to the device)
  go    {}                                           run on the staged inputs; the harness times go..reply
The runner trusts nothing it is sent beyond the harness's framing, and the harness trusts nothing it
returns: outputs are plain data, checked outside this process.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import linecache
import os
import resource
import sys
import traceback
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import torch  # noqa: E402

from graders.sandbox import codec, forbid, framing  # noqa: E402

MAX_INPUT = 1 << 31
L2_FLUSH_BYTES = 256 * 1024 * 1024


class LoadError(Exception):
    """The solution cannot be loaded: `kind` is CE (syntax/import) or RE (it raised while importing)."""

    def __init__(self, kind: str, exc: BaseException, message: str | None = None) -> None:
        super().__init__(message or f"{type(exc).__name__}: {exc}")
        self.kind = kind
        self.exc = exc


def load_module(name: str, filename: str, code: str) -> types.ModuleType:
    """Execute source as a module registered under `name`, with tracebacks that show its lines."""
    module = types.ModuleType(name)
    module.__file__ = filename
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    sys.modules[name] = module
    exec(compile(code, filename, "exec"), module.__dict__)
    return module


def default_driver(entry: str) -> Callable[[types.ModuleType, Any], Any]:
    """Call `entry(*inputs)` for a list/tuple, `entry(**inputs)` for a dict, `entry(inputs)` otherwise."""
    def run(module: types.ModuleType, inputs: Any) -> Any:
        fn = getattr(module, entry)
        if isinstance(inputs, dict):
            return fn(**inputs)
        if isinstance(inputs, (list, tuple)):
            return fn(*inputs)
        return fn(inputs)
    return run


def load(request: dict[str, Any]) -> tuple[types.ModuleType, Callable[[types.ModuleType, Any], Any]]:
    """Import the problem's driver and the solution; raise LoadError with a CE or RE kind."""
    torch.set_num_threads(int(request.get("threads", 1)))
    tests = load_module("problem_tests", "tests.py", request["tests_code"]) if request.get("tests_code") else None
    forbid.install(request.get("forbid"))  # forbid: runtime guards, before the solution runs (forbid.py)
    try:
        module = load_module("solution", "solution.py", request["code"])
    except (SyntaxError, ImportError, forbid.ForbiddenError) as exc:
        raise LoadError("CE", exc) from exc
    except BaseException as exc:  # noqa: BLE001 - anything the solution raises on import is its own error
        raise LoadError("RE", exc) from exc
    entry = request["entry"]
    if not hasattr(module, entry):
        raise LoadError("CE", NameError(entry), f"the solution does not define `{entry}`")
    driver = getattr(tests, "run", None) or default_driver(entry)
    return module, driver


def error_reply(kind: str, exc: BaseException, message: str | None = None) -> dict[str, Any]:
    return {
        "ok": False,
        "kind": kind,
        "error": {
            "type": type(exc).__name__,
            "message": (message or str(exc))[:2000],
            "traceback": "".join(traceback.format_exception(exc))[-8000:],
        },
    }


def flush_prints() -> None:
    """Push what the solution printed into the pipes before the reply goes out, so the harness can show it
    with the test that printed it (a pipe makes stdout block-buffered: without this, prints arrive late)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # the solution may have replaced or closed them
            stream.flush()


class Runner:
    """The request loop around one loaded solution."""

    def __init__(self, ctrl_in: Any, ctrl_out: Any) -> None:
        self.ctrl_in = ctrl_in
        self.ctrl_out = ctrl_out
        self.device = "cpu"
        self.staged: Any = None
        self.module: types.ModuleType | None = None
        self.driver: Callable[[types.ModuleType, Any], Any] | None = None
        self.flush_buffer: torch.Tensor | None = None

    def reply(self, header: dict[str, Any], blob: bytes = b"") -> None:
        framing.write_frame(self.ctrl_out, header, blob)

    def execute(self, inputs: Any) -> tuple[dict[str, Any], bytes]:
        try:
            output = self.driver(self.module, inputs)
            tree, blob = codec.encode(output)
        except BaseException as exc:  # noqa: BLE001 - report every failure of the solution as a runtime error
            return error_reply("CE" if isinstance(exc, forbid.ForbiddenError) else "RE", exc), b""  # forbid
        finally:
            flush_prints()
        return {"ok": True, "value": tree.decode()}, blob

    def serve(self) -> None:
        header, _ = framing.read_frame(self.ctrl_in, MAX_INPUT)
        self.device = header.get("device", "cpu")
        try:
            self.module, self.driver = load(header)
        except LoadError as exc:
            self.reply(error_reply(exc.kind, exc.exc, str(exc)))
            return
        self.reply({"ok": True})
        while True:
            header, blob = framing.read_frame(self.ctrl_in, MAX_INPUT)
            op = header.get("op")
            if op == "call":
                inputs = codec.decode(header["value"].encode(), blob, self.device)
                self.reply(*self.execute(inputs))
            elif op == "stage":
                self.staged = codec.decode(header["value"].encode(), blob, self.device)
                self.prepare_timed_call()
                self.reply({"ok": True})
            elif op == "go":
                self.reply(*self.timed_call())
            else:
                return

    def prepare_timed_call(self) -> None:
        """On a GPU, evict the L2 cache and wait for the device, so each timed call starts cold and idle."""
        if self.device == "cuda":
            if self.flush_buffer is None:
                self.flush_buffer = torch.empty(L2_FLUSH_BYTES // 4, dtype=torch.float32, device="cuda")
            self.flush_buffer.zero_()
            torch.cuda.synchronize()

    def timed_call(self) -> tuple[dict[str, Any], bytes]:
        """Run on the staged inputs. On a GPU also measure with CUDA events; the harness validates that
        figure against its own wall clock, so a patched event cannot report less than really elapsed."""
        if self.device != "cuda":
            return self.execute(self.staged)
        start = torch.cuda.Event(enable_timing=True)
        end = torch.cuda.Event(enable_timing=True)
        start.record()
        header, blob = self.execute(self.staged)
        end.record()
        torch.cuda.synchronize()
        header["device_ms"] = start.elapsed_time(end)
        return header, blob


def confine() -> None:
    """Apply the limits the harness asked for, before any solution code runs.

    The reference's runner makes itself non-dumpable, so the submission's process (same uid) cannot
    ptrace it or read its memory. The submission's runner offers itself first to the OOM killer and
    gets CPU-time, file-size, open-file and core-dump limits it cannot raise again.
    """
    if os.environ.get("TJ_PRIVATE") == "1":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 0
        return
    limits = json.loads(os.environ.get("TJ_LIMITS", "{}"))
    cpu = int(limits.get("cpu_s", 600))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    file_bytes = int(limits.get("file_bytes", 64 << 20))
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    with contextlib.suppress(OSError):
        Path("/proc/self/oom_score_adj").write_text("1000")


def main() -> None:
    confine()
    ctrl_in = os.fdopen(int(sys.argv[1]), "rb")
    ctrl_out = os.fdopen(int(sys.argv[2]), "wb")
    try:
        Runner(ctrl_in, ctrl_out).serve()
    except EOFError:
        pass


if __name__ == "__main__":
    main()
