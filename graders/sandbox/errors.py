"""How judging fails when the fault is not the submission's verdict: shared by correctness and timing."""

from __future__ import annotations

from typing import Any


class ProblemError(Exception):
    """The problem's own code (generator, reference, checker) failed: an internal error, never the user's."""


class InterferenceError(Exception):
    """The submission interfered with the trusted processes (killed or stopped them)."""


def error_text(header: dict[str, Any], with_traceback: bool) -> str:
    """A runner's error reply as text; tracebacks only where the user may see them."""
    err = header.get("error", {})
    text = f"{err.get('type', 'Error')}: {err.get('message', '')}"
    if with_traceback and err.get("traceback"):
        text += "\n\n" + err["traceback"]
    return text
