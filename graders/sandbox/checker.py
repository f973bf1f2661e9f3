"""The default checker: a submission's output against the reference's, value by value.

Tensors must match in shape, dtype and device, have NaN and ±Inf in the same places, and elsewhere satisfy
|got - ref| <= atol + rtol * |ref| with tolerances chosen per dtype. The defaults are tight enough that
computing in float16 instead of float32 fails, which is what catches "return zeros" style near misses.
"""

from __future__ import annotations

import math
from typing import Any

import torch

DEFAULT_TOLERANCES: dict[str, tuple[float, float]] = {
    # dtype: (atol, rtol)
    "float64": (1e-9, 1e-7),
    "float32": (1e-5, 1e-4),
    "float16": (1e-3, 1e-2),
    "bfloat16": (1e-2, 2e-2),
    "float": (1e-6, 1e-6),  # Python floats
}


# Values of the expected output follow this marker in a message; the harness cuts them for hidden tests.
VALUES = "; values: "


class Mismatch(Exception):
    """The outputs differ; the message says where and by how much."""


def without_values(message: str) -> str:
    """A mismatch message with no values of the expected output (for hidden tests)."""
    return message.split(VALUES, 1)[0]


def tolerances(overrides: dict[str, Any] | None) -> dict[str, tuple[float, float]]:
    """Per-dtype (atol, rtol), with a problem's overrides (`{"float32": {"atol": .., "rtol": ..}}`) applied."""
    result = dict(DEFAULT_TOLERANCES)
    for dtype, tol in (overrides or {}).items():
        base_atol, base_rtol = result.get(dtype, DEFAULT_TOLERANCES["float32"])
        result[dtype] = (float(tol.get("atol", base_atol)), float(tol.get("rtol", base_rtol)))
    return result


def _fmt_index(flat: int, shape: torch.Size) -> str:
    index = []
    for size in reversed(shape):
        index.append(flat % size)
        flat //= size
    return "(" + ", ".join(str(i) for i in reversed(index)) + ")"


def _all_close(got: torch.Tensor, ref: torch.Tensor, atol: float, rtol: float) -> bool:
    """The common case, fast: every element finite and within tolerance, in a few passes in the output's own
    dtype (the harness checks every timed output, so this is on its budget). NaN or Inf anywhere makes
    this False, and the exact double-precision check below decides and explains."""
    diff = got - ref
    diff.abs_()
    bound = ref.abs()
    bound.mul_(rtol).add_(atol)
    return bool(diff.le_(bound).all())


def _check_tensor(path: str, got: torch.Tensor, ref: torch.Tensor, tols: dict[str, tuple[float, float]]) -> None:
    if got.shape != ref.shape:
        raise Mismatch(f"{path}: shape {tuple(got.shape)}, expected {tuple(ref.shape)}")
    if got.dtype != ref.dtype:
        raise Mismatch(f"{path}: dtype {got.dtype}, expected {ref.dtype}")
    if got.numel() == 0:
        return
    if not ref.is_floating_point():
        bad = got != ref
        if bool(bad.any()):
            flat = int(bad.flatten().nonzero()[0])
            raise Mismatch(
                f"{path}: {int(bad.sum())} of {ref.numel()} elements differ; first at {_fmt_index(flat, ref.shape)}"
                f"{VALUES}got {got.flatten()[flat].item()}, expected {ref.flatten()[flat].item()}"
            )
        return
    atol, rtol = tols.get(str(ref.dtype).removeprefix("torch."), tols["float32"])
    if _all_close(got, ref, atol, rtol):
        return
    g = got.double()
    r = ref.double()
    nan_mismatch = torch.isnan(g) != torch.isnan(r)
    inf_mismatch = torch.isinf(r) & (g != r)
    inf_mismatch |= torch.isinf(g) & (g != r)
    special = nan_mismatch | inf_mismatch
    if bool(special.any()):
        flat = int(special.flatten().nonzero()[0])
        raise Mismatch(
            f"{path}: NaN/Inf positions differ; first at {_fmt_index(flat, ref.shape)}"
            f"{VALUES}got {g.flatten()[flat].item()}, expected {r.flatten()[flat].item()}"
        )
    finite = torch.isfinite(r)
    diff = torch.where(finite, (g - r).abs(), torch.zeros_like(r))
    allowed = atol + rtol * r.abs()
    bad = finite & (diff > allowed)
    if bool(bad.any()):
        flat = int(bad.flatten().nonzero()[0])
        rel = diff / r.abs().clamp_min(1e-300)
        worst = int(diff.flatten().argmax())
        raise Mismatch(
            f"{path}: {int(bad.sum())} of {ref.numel()} elements outside atol={atol:g}, rtol={rtol:g}; "
            f"max abs error {diff.max().item():.3g} at {_fmt_index(worst, ref.shape)}, "
            f"max rel error {rel[finite].max().item():.3g}; first bad index {_fmt_index(flat, ref.shape)}"
            f"{VALUES}got {g.flatten()[flat].item():.6g}, expected {r.flatten()[flat].item():.6g}"
        )


def _check_float(path: str, got: float, ref: float, tols: dict[str, tuple[float, float]]) -> None:
    if math.isnan(ref) or math.isnan(got):
        if not (math.isnan(ref) and math.isnan(got)):
            raise Mismatch(f"{path}: NaN where not expected{VALUES}got {got}, expected {ref}")
        return
    if math.isinf(ref) or math.isinf(got):
        if got != ref:
            raise Mismatch(f"{path}: infinity where not expected{VALUES}got {got}, expected {ref}")
        return
    atol, rtol = tols["float"]
    if abs(got - ref) > atol + rtol * abs(ref):
        raise Mismatch(f"{path}: abs error {abs(got - ref):.3g}{VALUES}got {got:.8g}, expected {ref:.8g}")


def compare(got: Any, ref: Any, tols: dict[str, tuple[float, float]], path: str = "output") -> None:
    """Raise Mismatch unless `got` matches `ref` in structure and value."""
    if isinstance(ref, torch.Tensor):
        if not isinstance(got, torch.Tensor):
            raise Mismatch(f"{path}: expected a tensor, got {type(got).__name__}")
        _check_tensor(path, got, ref, tols)
    elif isinstance(ref, bool) or ref is None or isinstance(ref, str):
        if type(got) is not type(ref) or got != ref:
            raise Mismatch(f"{path}: value differs{VALUES}got {got!r:.200}, expected {ref!r:.200}")
    elif isinstance(ref, (int, float)):
        if isinstance(got, bool) or not isinstance(got, (int, float)):
            raise Mismatch(f"{path}: expected a number, got {type(got).__name__}")
        if isinstance(ref, int) and isinstance(got, int):
            if got != ref:
                raise Mismatch(f"{path}: integer differs{VALUES}got {got}, expected {ref}")
        else:
            _check_float(path, float(got), float(ref), tols)
    elif isinstance(ref, (list, tuple)):
        if not isinstance(got, (list, tuple)):
            raise Mismatch(f"{path}: expected a sequence, got {type(got).__name__}")
        if len(got) != len(ref):
            raise Mismatch(f"{path}: length {len(got)}, expected {len(ref)}")
        for i, (g, r) in enumerate(zip(got, ref)):
            compare(g, r, tols, f"{path}[{i}]")
    elif isinstance(ref, dict):
        if not isinstance(got, dict):
            raise Mismatch(f"{path}: expected a dict, got {type(got).__name__}")
        if set(got) != set(ref):
            raise Mismatch(f"{path}: keys {sorted(got)}, expected {sorted(ref)}")
        for key in ref:
            compare(got[key], ref[key], tols, f"{path}[{key!r}]")
    else:
        raise Mismatch(f"{path}: cannot compare values of type {type(ref).__name__}")


def compare_devices(got: Any, ref: Any, path: str = "output") -> None:
    """Raise Mismatch when a tensor sits on another device type than the reference's."""
    if isinstance(ref, str) and isinstance(got, str) and got != ref:
        raise Mismatch(f"{path}: on device {got}, expected {ref}")
    if isinstance(ref, list) and isinstance(got, list):
        for i, (g, r) in enumerate(zip(got, ref)):
            compare_devices(g, r, f"{path}[{i}]")
    if isinstance(ref, dict) and isinstance(got, dict):
        for key in ref.keys() & got.keys():
            compare_devices(got[key], ref[key], f"{path}[{key!r}]")
