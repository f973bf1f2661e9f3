"""Sample arguments as the entry point receives them, worked out once per problem version.

A problem's generator may make raw inputs that its driver turns into the real arguments (a model's hidden
states and state dict from token ids and a seed), so showing the generator's output would not let a user
reproduce a failure. Instead, a stand-in solution (preview_stub.py) is graded as an ordinary Run: in its
runner, after the driver, it prints a summary of the arguments it was called with. Grading it as a Run keeps
the usual isolation and memory limits; nothing new runs in the trusted harness.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from graders.engine import GradeResult
from graders.package import ProblemPackage

STUB = Path(__file__).with_name("preview_stub.py").read_text()
SETTINGS_LINE = re.compile(r"^ENTRY, NAMES, IS_CLASS = .*$", re.MULTILINE)
PRINTED = re.compile(r"<<<tj-arguments\n(.*?)\ntj-arguments>>>", re.DOTALL)
VALUES = re.compile(r"<<<tj-values\n([A-Za-z0-9+/=]+)\ntj-values>>>")


def has_driver(package: ProblemPackage) -> bool:
    """Whether tests.py defines `run(solution, inputs)`. Without one the entry point gets the generator's
    inputs as they are, which the sample results already show: no preview is needed."""
    tree = ast.parse(package.files["tests.py"])
    return any(isinstance(node, ast.FunctionDef) and node.name == "run" for node in tree.body)


def entry_parameters(reference: str, entry: str) -> tuple[tuple[str, ...], bool]:
    """The entry point's parameter names and whether it is a class, read from the reference's source."""
    for node in ast.walk(ast.parse(reference)):
        if isinstance(node, ast.FunctionDef) and node.name == entry:
            return tuple(a.arg for a in [*node.args.posonlyargs, *node.args.args]), False
        if isinstance(node, ast.ClassDef) and node.name == entry:
            init = next((n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
            return (tuple(a.arg for a in init.args.args[1:]) if init else ()), True
    return (), False


def stub_code(package: ProblemPackage) -> str:
    """The stand-in solution for this problem: its entry point has the reference's name and parameters."""
    names, is_class = entry_parameters(package.reference, package.entry)
    settings = f"ENTRY, NAMES, IS_CLASS = {package.entry!r}, {names!r}, {is_class!r}"
    return SETTINGS_LINE.sub(lambda _: settings, STUB, count=1)


def _printed(result: GradeResult, pattern: re.Pattern) -> dict[str, str]:
    found = {}
    for test in result.tests:
        match = pattern.search((test.get("printed") or "") if test.get("kind") == "sample" else "")
        if match:
            found[test["name"]] = match.group(1)
    return found


def sample_arguments(result: GradeResult) -> dict[str, str]:
    """Sample test name → the printed summary of its arguments, for the samples where the stub got called."""
    return _printed(result, PRINTED)


def sample_values(result: GradeResult) -> dict[str, str]:
    """Sample test name → its full arguments as a base64 safetensors file, where they were small enough."""
    return _printed(result, VALUES)
