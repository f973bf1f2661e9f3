"""Enforcing a problem's `forbid:` list ("do not use nn.MultiheadAttention", "do not use torch.optim").

A problem that asks for softmax's gradient by hand is no test of anything if `torch.autograd.grad` passes it.
The list has three kinds of entries (see docs/problem-format.md):

  modules     `torch.optim`: importing it, or using anything reached through it;
  callables   `torch.nn.functional.cross_entropy`, `torch.nn.LSTMCell`: a function or class by its
              qualified name, whatever alias or import form the solution uses;
  attributes  `torch.Tensor.backward`: a method of a class. Types are unknown before the code runs, so the
              static scan rejects `.backward` on any object.

Two layers enforce it:

1. `scan(code, forbid)`: a static scan of the solution's syntax tree, run by the trusted harness before any
   runner loads the code. It resolves `import x as y`, `from x import y as z`, assignments of a name or
   attribute chain, attribute chains, `getattr(obj, "literal")`, `obj.__dict__["literal"]`,
   `sys.modules["literal"]`, `importlib.import_module("literal")` and `__import__("literal")`, and rejects
   `exec`, `eval` and `compile`, which would hide code from it.
2. `install(forbid)`: guards installed in the submission's runner before the solution module is executed,
   for what the scan cannot see (a name built at run time, an object passed around). A forbidden callable
   or method is replaced by a wrapper, a forbidden class gets a wrapped `__init__`, an imported forbidden
   module is replaced by a proxy, and a meta path finder refuses to import a forbidden module. Each raises
   `ForbiddenError` only while code from solution.py is on the stack, so the problem's own driver (which
   may call `.backward()` on the solution's output) and torch's internals outside it are unaffected.

Either way the verdict is a Compilation Error naming the API and the line. docs/grading.md says what this
does not stop. No torch import here: the harness scans before it imports torch.
"""

from __future__ import annotations

import ast
import importlib.abc
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

KINDS = ("modules", "callables", "attributes")
SOLUTION_FILE = "solution.py"
HIDING_BUILTINS = ("exec", "eval", "compile")
# What the import machinery reads on a package while importing its submodules; allowed through a proxy.
IMPORT_ATTRIBUTES = frozenset({"__name__", "__spec__", "__path__", "__loader__", "__package__", "__file__",
                               "__class__", "__repr__"})


class ForbiddenError(BaseException):
    """A forbidden API was used while the solution ran. A BaseException, so that a solution's
    `except Exception:` fallback does not swallow it."""


@dataclass(frozen=True)
class Forbidden:
    """A problem's `forbid:` lists, as qualified names."""

    modules: tuple[str, ...] = ()
    callables: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, raw: dict[str, list[str]] | None) -> Forbidden:
        raw = raw or {}
        return cls(*(tuple(raw.get(kind) or ()) for kind in KINDS))

    def __bool__(self) -> bool:
        return bool(self.modules or self.callables or self.attributes)

    def entry_for(self, qualname: str) -> str | None:
        """The entry that forbids `qualname`: the name itself or anything below it."""
        for entry in (*self.modules, *self.callables, *self.attributes):
            if qualname == entry or qualname.startswith(entry + "."):
                return entry
        return None

    def attribute_entry(self, attr: str) -> str | None:
        """The `attributes` entry whose method is called `attr`, on whatever object."""
        return next((e for e in self.attributes if e.rsplit(".", 1)[-1] == attr), None)


def config_errors(raw: Any) -> list[str]:
    """What is wrong with a problem.yaml `forbid:` value, as `field: message` strings (empty when valid)."""
    if raw is None:
        return []
    if not isinstance(raw, dict) or not raw or set(raw) - set(KINDS):
        return [f"forbid: must be a mapping with one or more of {', '.join(KINDS)}, each a list of "
                f"qualified names like torch.optim, got {raw!r:.80}"]
    errors = []
    for kind, names in raw.items():
        if not isinstance(names, list) or not names:
            errors.append(f"forbid.{kind}: must be a non-empty list of qualified names, got {names!r:.60}")
            continue
        for name in names:
            parts = name.split(".") if isinstance(name, str) else [""]
            least = 2 if kind == "attributes" else 1
            if len(parts) < least or not all(p.isidentifier() for p in parts):
                example = "torch.Tensor.backward" if kind == "attributes" else "torch.nn.functional.softmax"
                errors.append(f"forbid.{kind}: {name!r} is not a dotted Python name like {example}")
    return errors


def message(line: int, used: str, entry: str) -> str:
    """What the user reads: the API, the line, and the forbidden entry when it is not the same name."""
    because = "" if used == entry else f"it is covered by `{entry}`; "
    return f"line {line}: `{used}` is forbidden in this problem ({because}see the statement)"


# --- the static scan -------------------------------------------------------------------------------------

def is_main_guard(node: ast.stmt) -> bool:
    """`if __name__ == "__main__":` never runs in the judge (the module is `solution`), so it is not scanned:
    a self-test there may call what the solution itself must not."""
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    parts = [node.test.left, *node.test.comparators]
    return (any(isinstance(p, ast.Name) and p.id == "__name__" for p in parts)
            and any(isinstance(p, ast.Constant) and p.value == "__main__" for p in parts))


def literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class Scanner:
    """Resolves expressions to qualified names through the aliases the solution makes, and records uses
    of forbidden names. Aliases are tracked per file, not per scope: over-approximating is the safe side."""

    def __init__(self, forbid: Forbidden) -> None:
        self.forbid = forbid
        self.aliases: dict[str, str] = {}
        self.found: list[tuple[int, int, str]] = []

    def report(self, node: ast.AST, used: str, entry: str) -> None:
        self.found.append((node.lineno, node.col_offset, message(node.lineno, used, entry)))

    def resolve(self, node: ast.expr) -> str | None:
        """The qualified name an expression stands for, when it can be known without running it."""
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.resolve(node.value)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, ast.Subscript):
            key, base = literal(node.slice), self.resolve(node.value)
            if key and base == "sys.modules":
                return key
            if key and base and base.endswith(".__dict__"):
                return f"{base[: -len('.__dict__')]}.{key}"
            return None
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            if isinstance(func, ast.Name) and func.id == "getattr" and len(node.args) >= 2:
                base, name = self.resolve(node.args[0]), literal(node.args[1])
                return f"{base}.{name}" if base and name else None
            target = literal(node.args[0])
            if isinstance(func, ast.Name) and func.id == "__import__" and target:
                return target.split(".")[0]
            if self.resolve(func) == "importlib.import_module" and target:
                return target
        return None

    def check_name(self, node: ast.AST, qualname: str | None) -> bool:
        entry = self.forbid.entry_for(qualname) if qualname else None
        if entry:
            self.report(node, qualname, entry)
        return entry is not None

    def bind(self, target: ast.expr, value: ast.expr) -> None:
        """`name = <resolvable expression>` makes `name` an alias."""
        if isinstance(target, ast.Name):
            resolved = self.resolve(value)
            if resolved:
                self.aliases[target.id] = resolved
            else:
                self.aliases.pop(target.id, None)

    def imports(self, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                self.check_name(node, alias.name)
                if alias.asname:
                    self.aliases[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    self.aliases[top] = top
            return
        if node.level or not node.module:  # a relative import cannot reach torch
            return
        self.check_name(node, node.module)
        for alias in node.names:
            qualname = f"{node.module}.{alias.name}" if alias.name != "*" else node.module
            self.check_name(node, qualname)
            if alias.name != "*":
                self.aliases[alias.asname or alias.name] = qualname

    def visit(self, node: ast.AST) -> None:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            self.imports(node)
            return
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            self.visit(node.value)
            self.bind(node.targets[0], node.value)
            return
        if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript, ast.Call)) and self.check_expression(node):
            return  # one report per expression: `torch.optim.Adam`, not also `torch.optim`
        for child in ast.iter_child_nodes(node):
            if not (isinstance(child, ast.stmt) and is_main_guard(child)):
                self.visit(child)

    def check_expression(self, node: ast.expr) -> bool:
        """Record a forbidden use by this expression as a whole; True if there was one."""
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            return False
        if self.check_name(node, self.resolve(node)):
            return True
        if isinstance(node, ast.Attribute):
            entry = self.forbid.attribute_entry(node.attr)
            if entry:
                self.report(node, f".{node.attr}", entry)
                return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            name = literal(node.args[1]) if node.func.id == "getattr" and len(node.args) >= 2 else None
            entry = self.forbid.attribute_entry(name) if name else None
            if entry:
                self.report(node, f"getattr(..., {name!r})", entry)
                return True
            if node.func.id in HIDING_BUILTINS and node.func.id not in self.aliases:
                self.found.append((node.lineno, node.col_offset, f"line {node.lineno}: `{node.func.id}` is not "
                                   "allowed in a problem that forbids some APIs (it would hide code from the check)"))
                return True
        return False


def scan(code: str, raw: dict[str, list[str]] | None) -> str | None:
    """The first use of a forbidden API in `code` (by line), as a message naming it and its line; None if
    there is none, or if the code does not parse (the runner then reports the syntax error itself)."""
    forbid = Forbidden.from_config(raw)
    if not forbid:
        return None
    try:
        tree = ast.parse(code, "solution.py")
    except (SyntaxError, ValueError):
        return None
    scanner = Scanner(forbid)
    scanner.visit(tree)
    return min(scanner.found)[2] if scanner.found else None


# --- the runtime guards ----------------------------------------------------------------------------------

def solution_line() -> int | None:
    """The line of the innermost solution.py frame on the current stack, or None if the solution is not
    running (the driver, torch internals and the runner are then free to use anything)."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename == SOLUTION_FILE:
            return frame.f_lineno
        frame = frame.f_back
    return None


def refuse(entry: str) -> None:
    line = solution_line()
    if line is not None:
        raise ForbiddenError(message(line, entry, entry))


def guarded(entry: str, original: Callable[..., Any]) -> Callable[..., Any]:
    def guard(*args: Any, **kwargs: Any) -> Any:
        refuse(entry)
        return original(*args, **kwargs)
    guard.__name__ = getattr(original, "__name__", "guard")
    guard.__doc__ = getattr(original, "__doc__", None)
    return guard


class GuardedModule(types.ModuleType):
    """Stands in for an imported forbidden module: every attribute read from solution code raises."""

    def __init__(self, real: types.ModuleType, entry: str) -> None:
        super().__init__(real.__name__)
        object.__setattr__(self, "_tj_real", real)
        object.__setattr__(self, "_tj_entry", entry)

    def __getattribute__(self, attr: str) -> Any:
        real = object.__getattribute__(self, "_tj_real")
        if attr not in IMPORT_ATTRIBUTES:
            refuse(object.__getattribute__(self, "_tj_entry"))
        return getattr(real, attr)

    def __setattr__(self, attr: str, value: Any) -> None:
        setattr(object.__getattribute__(self, "_tj_real"), attr, value)


class ImportBlocker(importlib.abc.MetaPathFinder):
    """Refuses the solution an import of a forbidden module that is not loaded yet."""

    def __init__(self, modules: tuple[str, ...]) -> None:
        self.modules = modules

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        for entry in self.modules:
            if fullname == entry or fullname.startswith(entry + "."):
                refuse(entry)
        return None


def loaded_owner(qualname: str) -> tuple[Any, str] | None:
    """(the loaded module or class holding the last part of `qualname`, that part), or None when the
    name is not reachable from the modules already imported (nothing is imported to find it)."""
    parts = qualname.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        owner: Any = sys.modules.get(".".join(parts[:cut]))
        if owner is None:
            continue
        for part in parts[cut:-1]:
            owner = getattr(owner, part, None)
        if owner is not None and hasattr(owner, parts[-1]):
            return owner, parts[-1]
        return None
    return None


def guard_name(entry: str) -> None:
    """Guard a callable or method in place: a class gets a guarded `__init__` (so subclasses that call
    super().__init__ are caught too), anything else callable is replaced by a guarded wrapper."""
    found = loaded_owner(entry)
    if found is None:
        return
    owner, attr = found
    target = owner.__dict__.get(attr, getattr(owner, attr)) if isinstance(owner, type) else getattr(owner, attr)
    if isinstance(target, type):
        target.__init__ = guarded(entry, target.__init__)
    elif callable(target):
        setattr(owner, attr, guarded(entry, target))


def guard_module(entry: str) -> None:
    real = sys.modules.get(entry)
    if real is None or isinstance(real, GuardedModule):
        return
    proxy = GuardedModule(real, entry)
    sys.modules[entry] = proxy
    parent_name, _, last = entry.rpartition(".")
    parent = sys.modules.get(parent_name) if parent_name else None
    if parent is not None and getattr(parent, last, None) is real:
        setattr(parent, last, proxy)


def install(raw: dict[str, list[str]] | None) -> None:
    """Install the runtime guards for a problem's `forbid:` lists (in the submission's runner only)."""
    forbid = Forbidden.from_config(raw)
    if not forbid:
        return
    for entry in forbid.modules:
        guard_module(entry)
    for entry in (*forbid.callables, *forbid.attributes):
        guard_name(entry)
    sys.meta_path.insert(0, ImportBlocker(forbid.modules))


def reply_verdict(header: dict[str, Any]) -> str:
    """The verdict of a runner's error reply: CE when a guard fired, otherwise a Runtime Error (the kind is
    the submission's word, so it can only choose the worse of the two)."""
    return "CE" if header.get("kind") == "CE" else "RE"

