"""Hardware classes: a GPU worker without TJ_HARDWARE names its class after its GPU (no GPU needed here)."""

import pytest

from graders import hardware
from graders.container import InfrastructureError
from graders.hardware import hardware_class, worker_hardware


@pytest.mark.parametrize(("name", "label"), [
    ("NVIDIA H200", "h200"),
    ("NVIDIA A100-SXM4-80GB", "a100-80gb"),
    ("NVIDIA A100-PCIE-40GB", "a100-40gb"),
    ("NVIDIA A100 80GB PCIe", "a100-80gb"),
    ("NVIDIA H100 80GB HBM3", "h100-80gb"),
    ("NVIDIA H100 NVL", "h100-nvl"),
    ("NVIDIA L4", "l4"),
    ("Tesla T4", "t4"),
    ("Tesla V100-SXM2-16GB", "v100-16gb"),
    ("NVIDIA GeForce RTX 4090", "rtx-4090"),
    ("NVIDIA RTX A6000", "rtx-a6000"),
    ("NVIDIA A10G", "a10g"),
    ("NVIDIA A100-SXM4-40GB MIG 1g.5gb", "a100-40gb-mig-1g.5gb"),
])
def test_class_from_device_name(name, label):
    assert hardware_class(name) == label


def test_a_name_without_a_model_is_an_error():
    with pytest.raises(ValueError, match="cannot derive a hardware class"):
        hardware_class("NVIDIA ")


def fake_nvidia_smi(tmp_path, monkeypatch, output: str, status: int = 0) -> None:
    script = tmp_path / "nvidia-smi"
    script.write_text(f"#!/bin/sh\necho \"$@\" > {tmp_path}/args\nprintf '{output}'\nexit {status}\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    worker_hardware.cache_clear()


def test_a_gpu_worker_without_tj_hardware_asks_nvidia_smi(tmp_path, monkeypatch):
    fake_nvidia_smi(tmp_path, monkeypatch, "NVIDIA A100-SXM4-80GB\\n")
    assert worker_hardware("", "1") == "a100-80gb"
    assert (tmp_path / "args").read_text().split() == ["-i", "1", "--query-gpu=name", "--format=csv,noheader"]


def test_tj_hardware_wins_and_a_cpu_worker_is_cpu(tmp_path, monkeypatch):
    fake_nvidia_smi(tmp_path, monkeypatch, "NVIDIA L4\\n")
    assert worker_hardware("lab-h100", "0") == "lab-h100"
    assert worker_hardware("", None) == "cpu"
    assert not (tmp_path / "args").exists()  # nvidia-smi was never asked


def test_a_gpu_worker_that_cannot_name_its_gpu_fails_loudly(tmp_path, monkeypatch):
    fake_nvidia_smi(tmp_path, monkeypatch, "No devices were found", status=6)
    with pytest.raises(InfrastructureError, match="set TJ_HARDWARE"):
        worker_hardware("", "0")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    worker_hardware.cache_clear()
    with pytest.raises(InfrastructureError, match="nvidia-smi"):
        hardware.worker_hardware("", "0")
