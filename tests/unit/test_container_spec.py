"""The sandbox's container spec: every hardening choice, and the GPU device request (no GPU needed)."""

from docker.types import DeviceRequest

from graders.container import SANDBOX_UID, SandboxSpec, container_config


def test_cpu_sandbox_is_hardened():
    create, host = container_config(SandboxSpec(image="img", wall_s=10, memory_mb=1024, pids=64, cpus=1.5))
    assert host["network_mode"] == "none" and create["network_disabled"] is True
    assert host["read_only"] is True
    assert host["tmpfs"] == {"/tmp": "rw,nosuid,nodev,size=64m,mode=1777"}
    assert host["mem_limit"] == host["memswap_limit"] == "1024m"
    assert host["pids_limit"] == 64
    assert host["nano_cpus"] == 1_500_000_000
    assert host["cap_drop"] == ["ALL"]
    assert host["security_opt"] == ["no-new-privileges"]  # and Docker's default seccomp profile: not unconfined
    assert host["init"] is False  # the harness is PID 1: runners can neither signal it nor open its fds
    assert {u["Name"] for u in host["ulimits"]} == {"nofile", "fsize", "core"}
    assert next(u for u in host["ulimits"] if u["Name"] == "core")["Hard"] == 0
    assert host["log_config"]["Config"] == {"max-size": "1m", "max-file": "1"}
    assert "privileged" not in host and "device_requests" not in host
    assert not any("docker.sock" in str(v) for v in host.values())
    assert create["user"] == SANDBOX_UID and not create["user"].startswith("0")
    assert create["labels"]["torchjudge.sandbox"] == "1"
    assert create["environment"]["TJ_CPU_CLOCK"] == "cgroup"  # a cgroup of its own: CPU time is the timer


def test_gpu_sandbox_gets_exactly_one_gpu_through_a_device_request():
    create, host = container_config(SandboxSpec(image="img", wall_s=10, gpu="GPU-1234"))
    (request,) = host["device_requests"]
    assert isinstance(request, DeviceRequest)
    assert request["DeviceIDs"] == ["GPU-1234"] and request["Capabilities"] == [["gpu"]]
    assert create["environment"]["CUDA_VISIBLE_DEVICES"] == "0" and create["environment"]["TJ_THREADS"] == "1"


def test_cpuset_pins_when_configured():
    _, host = container_config(SandboxSpec(image="img", wall_s=10, cpuset="1"))
    assert host["cpuset_cpus"] == "1"
