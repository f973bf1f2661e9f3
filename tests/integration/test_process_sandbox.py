"""The process sandbox (`validate --sandbox process`, for GPU hosts without Docker): it grades like the container
where it can make a private PID namespace, and refuses to run where it cannot."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from graders import cli, process_sandbox
from graders.config import engine_config
from graders.container import InfrastructureError
from graders.engine import grade
from graders.process_sandbox import NamespaceUnavailable, ProcessSandbox
from tests.integration.sandbox import REFERENCE, SOFTMAX, softmax_package

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.integration


@pytest.fixture(scope="session")
def process_python() -> str:
    """A Python with the sandbox image's packages: $TJ_PROCESS_PYTHON, else one built by process_python.sh."""
    configured = os.environ.get("TJ_PROCESS_PYTHON")
    if configured:
        return configured
    done = subprocess.run(["bash", str(ROOT / "scripts" / "process_python.sh")], capture_output=True, text=True,
                          timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1]


def test_grades_the_reference_and_a_wrong_solution_like_the_container(process_python):
    sandbox = ProcessSandbox(python=process_python)
    package = softmax_package(timing={"warmup": 1, "min_runs": 3, "max_runs": 5, "budget_s": 2})
    accepted = grade(package, REFERENCE, "submit", sandbox, engine_config())
    assert accepted.verdict == "AC", accepted.message
    assert {t["kind"] for t in accepted.tests} == {"sample", "hidden"}
    assert accepted.timing["cases"][0]["ref_ms"] > 0 and accepted.speedup > 0
    wrong = grade(package, (SOFTMAX / "wrong" / "naive.py").read_text(), "submit", sandbox, engine_config())
    assert wrong.verdict == "WA"
    assert any(t["name"] == "huge-logits" and t["verdict"] == "WA" for t in wrong.tests)


def test_the_harness_sees_only_its_own_processes(process_python):
    # A submission that tries to kill every process it can see: in the namespace those are the harness's
    # runners only, so this test process (outside) survives and the verdict is the runner's, not a crash.
    code = REFERENCE + ("import os\n"
                        "_exact = softmax\n"
                        "def softmax(x, dim=-1):\n"
                        "    seen = [int(p) for p in os.listdir('/proc') if p.isdigit()]\n"
                        "    assert max(seen) < 100, seen\n"
                        "    return _exact(x, dim)\n")
    result = grade(softmax_package(), code, "run", ProcessSandbox(python=process_python), engine_config())
    assert result.verdict == "AC", result.tests


def test_refuses_without_an_unshare_binary():
    with pytest.raises(NamespaceUnavailable, match="needs a private PID namespace.*not found"):
        ProcessSandbox(unshare="/nonexistent/unshare")


def test_refuses_for_a_user_who_cannot_make_a_pid_namespace(tmp_path):
    # The real unshare, run as a real unprivileged user (nobody): the kernel refuses it a PID namespace.
    setpriv, unshare = shutil.which("setpriv"), shutil.which("unshare")
    assert setpriv and unshare and os.geteuid() == 0, "this test needs root, setpriv and unshare (util-linux)"
    as_nobody = tmp_path / "unshare-as-nobody"
    as_nobody.write_text(f'#!/bin/sh\nexec {setpriv} --reuid=65534 --regid=65534 --clear-groups {unshare} "$@"\n')
    as_nobody.chmod(0o755)
    with pytest.raises(NamespaceUnavailable, match="cannot make one here.*(Operation not permitted|permission)"):
        ProcessSandbox(unshare=str(as_nobody))


def test_validate_refuses_with_a_clear_error_when_no_namespace_can_be_made(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))  # a host without util-linux's unshare
    assert cli.main(["validate", "stable-softmax", "--sandbox", "process", "--no-cache"]) == 3
    err = capsys.readouterr().err
    assert "needs a private PID namespace" in err and "--sandbox docker" in err


def test_a_worker_can_never_use_it(monkeypatch):
    monkeypatch.setattr(process_sandbox, "_forbidden_by", None)
    from judge.tasks import on_worker_init  # the handler Celery runs when a worker starts

    on_worker_init()
    with pytest.raises(InfrastructureError, match="validating problems only.*Celery worker"):
        ProcessSandbox()
