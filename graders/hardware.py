"""Hardware classes: the label a timing is grouped by (leaderboards, speedups), one per kind of machine.

A worker's class is `TJ_HARDWARE` when set. A GPU worker without it derives its class from the GPU's name as
the host's nvidia-smi reports it, so two hosts with the same GPU model share a leaderboard and different
models never do: "NVIDIA H200" -> h200, "NVIDIA A100-SXM4-80GB" -> a100-80gb, "NVIDIA L4" -> l4.
"""

from __future__ import annotations

import functools
import re
import subprocess

from graders.container import InfrastructureError

VENDOR_WORDS = {"nvidia", "tesla", "geforce", "quadro"}
# Packaging words that do not change speed class: the socket (SXM4, PCIe) and memory technology (HBM3).
# Memory size stays (an 80 GB A100 has faster memory than a 40 GB one), and so do NVL and MIG slices.
PACKAGING = re.compile(r"^(sxm\d*|pcie|hbm\d*e?)$")


def hardware_class(device_name: str) -> str:
    """The class of a GPU from its marketing name: lowercase, vendor and packaging words dropped, dashed."""
    words = [w for w in re.split(r"[\s_\-]+", device_name.strip().lower()) if w]
    kept = [w for w in words if w not in VENDOR_WORDS and not PACKAGING.match(w)]
    label = "-".join(re.sub(r"[^a-z0-9.]", "", w) for w in kept).strip("-")
    if not label:
        raise ValueError(f"cannot derive a hardware class from the device name {device_name!r}")
    return label[:64]


def gpu_name(gpu: str) -> str:
    """The name of GPU `gpu` (an index or UUID) as nvidia-smi on this host reports it."""
    try:
        out = subprocess.run(["nvidia-smi", "-i", gpu, "--query-gpu=name", "--format=csv,noheader"],
                             capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise InfrastructureError(f"could not read the name of GPU {gpu} with nvidia-smi ({exc}); "
                                  "set TJ_HARDWARE to this worker's hardware class") from exc
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    if not lines:
        raise InfrastructureError(f"nvidia-smi reported no GPU {gpu}; set TJ_HARDWARE")
    return lines[0]


@functools.cache
def worker_hardware(configured: str, gpu: str | None) -> str:
    """This worker's class: `configured` (TJ_HARDWARE) if set, else the GPU's derived class, else cpu."""
    if configured:
        return configured
    if gpu is None:
        return "cpu"
    return hardware_class(gpu_name(gpu))
