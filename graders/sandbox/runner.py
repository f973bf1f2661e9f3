"""One solution in its own process: the harness spawns this twice, for the reference and for the submission.

The runner imports torch at once and then waits for its `load` request, so a pre-started sandbox has its
slow imports done before any job exists. It answers the harness's requests on a private pair of pipes (file
descriptors given on the command line). What the solution prints goes to this process's stdout/stderr,
which the harness captures separately with size caps.

Requests:
  load  {code, tests_code, entry, threads, limits}  apply the limits, import the solution; reply ok or CE/RE
  call  {} + inputs value                            run once; reply with the output value
  stage {shared?} + a list of k inputs               hold the inputs of one timed span (on the device)
  go    {}                                           run once per staged input, wait for the device; reply done
  fetch {shared?}                                    reply with the outputs of the last `go`
A timed span's data moves through this runner's own shared memory (a memfd from the harness): `stage`
says how many bytes of it hold the inputs, and `fetch` asks for the outputs there when they fit.
The harness times stage..fetch with its own clock: nothing this process measures or says about time is used.
The runner trusts nothing it is sent beyond the harness's framing, and the harness trusts nothing it
returns: outputs are plain data, checked outside this process.
"""

from __future__ import annotations

import contextlib
import ctypes
import linecache
import mmap
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
PR_SET_DUMPABLE = 4


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


SCALAR_TYPES = frozenset({int, float, bool, complex, str, bytes, type(None)})  # nothing in them to convert


def plain(value: Any) -> Any:
    """The output with every tensor subclass (a lazy tensor, say) turned into a plain tensor, inside the
    call that returned it: a subclass can defer its work to the moment it is read, which would otherwise be
    while the output is copied out, cheaper there (its data still hot in cache) than the reference's work.
    Parameters are plain tensors underneath. A list or tuple of plain numbers and strings is copied whole:
    walking its elements one by one took about 70 ms for a schedule of 300,000 floats, inside the timed
    call, eight times the call itself."""
    if type(value) in (list, tuple) and SCALAR_TYPES.issuperset(map(type, value)):
        return list(value) if type(value) is list else value
    if isinstance(value, torch.Tensor):
        if type(value) in (torch.Tensor, torch.nn.Parameter):
            return value
        out = value.clone()
        if type(out) is not torch.Tensor:
            raise TypeError(f"outputs must be plain tensors, not {type(value).__name__}")
        return out
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def synchronize(device: str) -> None:
    """Wait for all work on the device (a no-op on the CPU)."""
    if device == "cuda":
        torch.cuda.synchronize()


class Runner:
    """The request loop around one loaded solution."""

    def __init__(self, ctrl_in: Any, ctrl_out: Any, shared: mmap.mmap) -> None:
        self.ctrl_in = ctrl_in
        self.ctrl_out = ctrl_out
        self.shared = shared
        self.device = "cpu"
        self.staged: list[Any] = []
        self.outputs: list[Any] = []
        self.module: types.ModuleType | None = None
        self.driver: Callable[[types.ModuleType, Any], Any] | None = None
        self.flush_buffer: torch.Tensor | None = None

    def reply(self, header: dict[str, Any], blob: bytes = b"") -> None:
        framing.write_frame(self.ctrl_out, header, blob)

    def execute(self, inputs: Any) -> tuple[dict[str, Any], bytes]:
        try:
            output = plain(self.driver(self.module, inputs))
            tree, blob = codec.encode(output)
        except BaseException as exc:  # noqa: BLE001 - report every failure of the solution as a runtime error
            return error_reply("CE" if isinstance(exc, forbid.ForbiddenError) else "RE", exc), b""  # forbid
        finally:
            flush_prints()
        return {"ok": True, "value": tree.decode()}, blob

    def serve(self, header: dict[str, Any]) -> None:
        self.device = header.get("device", "cpu")
        try:
            self.module, self.driver = load(header)
        except LoadError as exc:
            self.reply(error_reply(exc.kind, exc.exc, str(exc)))
            return
        self.reply({"ok": True})
        handlers = {"call": self.call, "stage": self.stage, "go": self.go, "fetch": self.fetch}
        while True:
            header, blob = framing.read_frame(self.ctrl_in, MAX_INPUT)
            handler = handlers.get(header.get("op"))
            if handler is None:
                return
            self.reply(*handler(header, blob))

    def call(self, header: dict[str, Any], blob: bytes) -> tuple[dict[str, Any], bytes]:
        return self.execute(codec.decode(header["value"].encode(), blob, self.device))

    def stage(self, header: dict[str, Any], blob: bytes) -> tuple[dict[str, Any], bytes]:
        """Hold the inputs of one timed span on the device. On a GPU also evict the L2 cache and wait for
        the device, so the span's first call starts cold and idle."""
        size = header.get("shared")
        source = memoryview(self.shared)[:size] if isinstance(size, int) else blob
        self.staged = codec.decode(header["value"].encode(), source, self.device)
        self.outputs = []
        if self.device == "cuda":
            if self.flush_buffer is None:
                self.flush_buffer = torch.empty(L2_FLUSH_BYTES // 4, dtype=torch.float32, device="cuda")
            self.flush_buffer.zero_()
        synchronize(self.device)
        return {"ok": True}, b""

    def go(self, header: dict[str, Any], blob: bytes) -> tuple[dict[str, Any], bytes]:
        """One call per staged input, then wait for the device; the reply is tiny. Whatever the solution
        defers past this reply (threads, lazy tensors, side streams) is paid for in `fetch`, which the
        harness times as well."""
        try:
            self.outputs = [plain(self.driver(self.module, inputs)) for inputs in self.staged]
            synchronize(self.device)
        except BaseException as exc:  # noqa: BLE001 - the solution's own failure
            return error_reply("CE" if isinstance(exc, forbid.ForbiddenError) else "RE", exc), b""
        finally:
            self.staged = []
            flush_prints()
        return {"ok": True}, b""

    def fetch(self, header: dict[str, Any], blob: bytes) -> tuple[dict[str, Any], bytes]:
        try:
            synchronize(self.device)
            placed = codec.encode_into(self.outputs, self.shared) if header.get("shared") else None
            if placed is not None:
                return {"ok": True, "value": placed[0].decode(), "shared": placed[1]}, b""
            tree, blob = codec.encode(self.outputs)
        except BaseException as exc:  # noqa: BLE001 - an output that cannot be read is the solution's fault
            return error_reply("RE", exc), b""
        finally:
            self.outputs = []
        return {"ok": True, "value": tree.decode()}, blob


def confine(limits: dict[str, Any], private: bool) -> None:
    """Apply the job's limits to the submission's runner, before any solution code runs: it offers itself
    first to the OOM killer and gets CPU-time, file-size, open-file and core-dump limits it cannot raise."""
    if private:
        return
    cpu = int(limits.get("cpu_s", 600))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    file_bytes = int(limits.get("file_bytes", 64 << 20))
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    with contextlib.suppress(OSError):
        Path("/proc/self/oom_score_adj").write_text("1000")


def set_dumpable(value: bool) -> None:
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, int(value), 0, 0, 0)


def serve_pipes(req_fd: int, rep_fd: int, shared_fd: int, private: bool) -> None:
    """Wait for the job on the request pipe, then serve it. The reference's runner is non-dumpable from
    before the job exists: the submission's process (same uid) must never ptrace it or read its memory,
    where the reference's code will be. The submission's runner is dumpable, like any ordinary process."""
    set_dumpable(not private)
    shared = mmap.mmap(shared_fd, 0)
    os.close(shared_fd)  # the mapping keeps a descriptor of its own
    ctrl_in = os.fdopen(req_fd, "rb")
    ctrl_out = os.fdopen(rep_fd, "wb")
    try:
        header, _ = framing.read_frame(ctrl_in, MAX_INPUT)  # waits here, torch imported, until the job arrives
        confine(header.get("limits", {}), private)
        Runner(ctrl_in, ctrl_out, shared).serve(header)
    except EOFError:
        pass


def main() -> None:
    serve_pipes(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), os.environ.get("TJ_PRIVATE") == "1")


if __name__ == "__main__":
    main()
