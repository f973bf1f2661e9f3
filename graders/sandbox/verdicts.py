"""Verdict codes and their order of severity, shared by the harness and the host (no torch, no Django)."""

VERDICTS: dict[str, str] = {
    "AC": "Accepted",
    "WA": "Wrong Answer",
    "TLE": "Time Limit Exceeded",
    "MLE": "Memory Limit Exceeded",
    "OLE": "Output Limit Exceeded",
    "RE": "Runtime Error",
    "CE": "Compilation Error",
    "IE": "Internal Error",
}
SEVERITY = ["AC", "WA", "OLE", "TLE", "MLE", "RE", "CE", "IE"]


def worst(verdicts: list[str]) -> str:
    """A submission's verdict: the worst of its tests' (Accepted for none)."""
    return max(verdicts, key=SEVERITY.index, default="AC")
