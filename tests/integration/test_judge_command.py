"""`manage.py judge`: the production grading path from the command line; exit 0 only on Accepted."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOFTMAX = ROOT / "problems" / "stable-softmax"
pytestmark = pytest.mark.integration


def judge(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", "judge", "stable-softmax", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_reference_is_accepted_with_json_details():
    done = judge(str(SOFTMAX / "reference.py"), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["verdict"] == "AC" and result["verdict_name"] == "Accepted"
    assert result["score"] > 0 and result["speedup"] > 0
    assert {t["kind"] for t in result["tests"]} == {"sample", "hidden"}
    assert result["timing"]["cases"][0]["ref_ms"] > 0


def test_wrong_solution_exits_non_zero_and_says_why():
    done = judge(str(SOFTMAX / "wrong" / "naive.py"))
    assert done.returncode == 1
    assert done.stdout.startswith("Wrong Answer (WA)")
    assert "huge-logits" in done.stdout


def test_missing_file_is_a_clear_error():
    done = judge("no-such-file.py")
    assert done.returncode != 0 and "no such file: no-such-file.py" in done.stderr
