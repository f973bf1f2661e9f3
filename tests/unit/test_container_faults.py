"""A Docker engine that goes away mid-job: every failure of a Docker call becomes an InfrastructureError (which
the worker retries), and the container is still removed once the engine answers again.

A fake Docker API (pure logic); the real engine restart is tested in tests/integration/test_engine_restart.py.
"""

from __future__ import annotations

import socket
import struct

import docker
import pytest
import requests

import graders.container as container
from graders.container import DockerSandbox, InfrastructureError, SandboxSpec

SPEC = SandboxSpec(image="img", wall_s=5)
DROPPED = requests.exceptions.ConnectionError("('Connection aborted.', FileNotFoundError(2, 'No such file'))")


def frame(payload: bytes, kind: int = 1) -> bytes:
    return bytes([kind, 0, 0, 0]) + struct.pack(">I", len(payload)) + payload


class FakeAPI:
    """Docker's low-level API as DockerSandbox uses it; `fail` maps a method name to the errors it raises in turn."""

    def __init__(self, output: bytes = frame(b"done\n"), fail: dict[str, list[BaseException]] | None = None) -> None:
        self.output = output
        self.fail = fail or {}
        self.calls: list[tuple[str, str]] = []
        self.containers: set[str] = set()
        self.peers: list[socket.socket] = []

    def _maybe_fail(self, method: str) -> None:
        errors = self.fail.get(method)
        if errors:
            raise errors.pop(0)

    def create_host_config(self, **kwargs: object) -> dict:
        return dict(kwargs)

    def create_container(self, host_config: dict, name: str, **kwargs: object) -> dict:
        self.containers.add(name)  # made by the engine even when the reply is then lost
        self.calls.append(("create", name))
        self._maybe_fail("create_container")
        return {"Id": name}

    def attach_socket(self, cid: str, params: dict) -> object:
        self.calls.append(("attach", cid))
        self._maybe_fail("attach_socket")
        ours, theirs = socket.socketpair()
        theirs.sendall(self.output)
        theirs.shutdown(socket.SHUT_WR)  # the container's output ends; it still reads the job
        self.peers.append(theirs)
        return type("Attached", (), {"_sock": ours, "close": lambda self: None})()

    def start(self, cid: str) -> None:
        self._maybe_fail("start")

    def kill(self, cid: str) -> None:
        self._maybe_fail("kill")

    def wait(self, cid: str, timeout: int) -> dict:
        self._maybe_fail("wait")
        return {"StatusCode": 0}

    def inspect_container(self, cid: str) -> dict:
        self._maybe_fail("inspect_container")
        return {"State": {"OOMKilled": False}}

    def remove_container(self, cid: str, force: bool, v: bool) -> None:
        self.calls.append(("remove", cid))
        self._maybe_fail("remove_container")
        if cid not in self.containers:
            raise docker.errors.NotFound("no such container")
        self.containers.discard(cid)

    def ping(self) -> bool:
        self._maybe_fail("ping")
        return True


class FakeClient:
    def __init__(self, api: FakeAPI) -> None:
        self.api = api

    def ping(self) -> bool:
        return self.api.ping()


@pytest.fixture(autouse=True)
def quick_patience(monkeypatch):
    monkeypatch.setattr(container, "REMOVE_PATIENCE_S", 2.0)
    monkeypatch.setattr(container.time, "sleep", lambda s: None)


def run(api: FakeAPI) -> list[bytes]:
    lines: list[bytes] = []
    DockerSandbox(FakeClient(api)).run(b"{}", SPEC, lines.append)
    return lines


def test_a_healthy_engine_runs_the_job_and_removes_its_container():
    api = FakeAPI()
    assert run(api) == [b"done"]
    assert not api.containers


@pytest.mark.parametrize("method", ["attach_socket", "start", "wait", "inspect_container"])
def test_a_dropped_connection_during_the_job_is_an_infrastructure_error(method):
    api = FakeAPI(fail={method: [DROPPED]})
    with pytest.raises(InfrastructureError, match="the sandbox failed"):
        run(api)
    assert not api.containers


def test_a_removal_that_fails_while_the_engine_restarts_is_retried_and_the_result_kept():
    """The issue's root cause: `remove` raised requests' ConnectionError, which escaped as a task error."""
    api = FakeAPI(fail={"remove_container": [DROPPED, DROPPED]})
    assert run(api) == [b"done"]
    assert sum(kind == "remove" for kind, _ in api.calls) == 3
    assert not api.containers


def test_an_engine_that_never_comes_back_is_an_infrastructure_error_not_a_transport_error(monkeypatch):
    monkeypatch.setattr(container, "REMOVE_PATIENCE_S", 0.0)
    api = FakeAPI(fail={"remove_container": [DROPPED] * 5})
    with pytest.raises(InfrastructureError, match="could not remove sandbox"):
        run(api)


def test_a_container_created_while_the_reply_was_lost_is_found_by_its_name_and_removed():
    api = FakeAPI(fail={"create_container": [DROPPED]})
    with pytest.raises(InfrastructureError, match="could not create the sandbox"):
        run(api)
    (created,) = [name for kind, name in api.calls if kind == "create"]
    assert ("remove", created) in api.calls and not api.containers


def test_a_stream_reset_by_the_engine_is_an_infrastructure_error(monkeypatch):
    api = FakeAPI()

    def reset(self: object, deadline: float) -> bool:
        raise ConnectionResetError(104, "Connection reset by peer")

    monkeypatch.setattr(container._StreamReader, "read_until", reset)
    with pytest.raises(InfrastructureError, match="reset by peer"):
        run(api)
    assert not api.containers


def test_an_engine_that_does_not_answer_the_ping_is_an_infrastructure_error():
    with pytest.raises(InfrastructureError, match="does not answer"):
        DockerSandbox(FakeClient(FakeAPI(fail={"ping": [DROPPED]})))
