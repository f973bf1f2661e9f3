"""Values that cross a process boundary inside the sandbox, as data and never as pickles.

A value is a tree of None, bool, int, float, str, list, tuple, dict (str keys) and torch tensors. The tree
travels as JSON with each tensor replaced by a reference into one safetensors blob. Decoding parses JSON
and safetensors only, so bytes written by a submission cannot run code in the trusted harness.

Framing on pipes is in framing.py, which needs no torch.
"""

from __future__ import annotations

import json
import math
from typing import Any

import torch
from safetensors.torch import load as st_load
from safetensors.torch import save as st_save

from graders.sandbox.framing import CodecError


def _encode_tree(value: Any, tensors: dict[str, torch.Tensor]) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return {"$float": repr(value)}
    if isinstance(value, torch.Tensor):
        if value.is_complex() or value.is_sparse or value.is_quantized or value.is_meta:
            raise CodecError(f"tensors of this kind cannot be returned (dtype {value.dtype}, layout {value.layout})")
        name = f"t{len(tensors)}"
        meta: dict[str, Any] = {"$t": name, "device": value.device.type, "requires_grad": value.requires_grad}
        data = value.detach()
        if not data.is_contiguous() and data.dim() >= 2 and data.mT.is_contiguous():
            # Keep a transposed view transposed, so non-contiguous inputs stay non-contiguous.
            meta["mT"] = True
            data = data.mT
        tensors[name] = data.to("cpu", copy=True).contiguous()
        return meta
    if isinstance(value, tuple):
        return {"$tuple": [_encode_tree(v, tensors) for v in value]}
    if isinstance(value, list):
        return [_encode_tree(v, tensors) for v in value]
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str) or key.startswith("$"):
                raise CodecError(f"dictionary keys must be strings not starting with '$', got {key!r}")
            out[key] = _encode_tree(item, tensors)
        return out
    raise CodecError(f"a value of type {type(value).__name__} cannot be passed between processes")


def _decode_tree(node: Any, tensors: dict[str, torch.Tensor], device: str | None) -> Any:
    if isinstance(node, list):
        return [_decode_tree(v, tensors, device) for v in node]
    if isinstance(node, dict):
        if "$t" in node:
            tensor = tensors[node["$t"]]
            if node.get("mT"):
                tensor = tensor.mT
            target = device if device is not None else "cpu"
            if target != "cpu":
                tensor = tensor.to(target)
            if node.get("requires_grad") and tensor.is_floating_point():
                tensor.requires_grad_(True)
            return tensor
        if "$tuple" in node:
            return tuple(_decode_tree(v, tensors, device) for v in node["$tuple"])
        if "$float" in node:
            return float(node["$float"])
        return {k: _decode_tree(v, tensors, device) for k, v in node.items()}
    return node


def encode(value: Any) -> tuple[bytes, bytes]:
    """Return (json bytes, safetensors bytes) for a value tree."""
    tensors: dict[str, torch.Tensor] = {}
    tree = _encode_tree(value, tensors)
    blob = st_save(tensors) if tensors else b""
    return json.dumps(tree, allow_nan=False).encode(), blob


def decode(tree_bytes: bytes, blob: bytes, device: str | None = None) -> Any:
    """Rebuild a value tree; tensors land on `device` (CPU when None)."""
    try:
        tree = json.loads(tree_bytes)
        tensors = st_load(blob) if blob else {}
        return _decode_tree(tree, tensors, device)
    except (ValueError, KeyError, TypeError) as exc:
        raise CodecError(f"malformed value: {exc}") from exc


def device_tree(tree_bytes: bytes) -> Any:
    """The devices a value's tensors were on, as a tree of the same shape (for the device check)."""
    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(v) for v in node]
        if isinstance(node, dict):
            if "$t" in node:
                return node.get("device", "cpu")
            if "$tuple" in node:
                return [walk(v) for v in node["$tuple"]]
            return {k: walk(v) for k, v in node.items() if not k.startswith("$")}
        return None
    return walk(json.loads(tree_bytes))
