"""Values that cross a process boundary inside the sandbox, as data and never as pickles.

A value is a tree of None, bool, int, float, str, list, tuple, dict (str keys) and torch tensors. The tree
travels as JSON with each tensor replaced by its dtype, shape and place in one blob of raw tensor bytes.
Decoding parses JSON and copies bytes whose size it has checked against the dtype and shape, so bytes
written by a submission cannot run code in the trusted harness.

The blob is a `bytes` for a pipe (`encode`) or is written straight into a shared buffer (`encode_into`), and
any buffer decodes (`decode`): a timed span moves its data through shared memory, with one copy each way.
Framing on pipes is in framing.py, which needs no torch.
"""

from __future__ import annotations

import json
import math
import warnings
from typing import Any

import torch

from graders.sandbox.framing import CodecError

ALIGN = 64  # each tensor's bytes start at a multiple of this in the blob
DTYPES = {str(dtype).removeprefix("torch."): dtype for dtype in (
    torch.float64, torch.float32, torch.float16, torch.bfloat16, torch.int64, torch.int32, torch.int16,
    torch.int8, torch.uint8, torch.bool,
)}


def _encode_tree(value: Any, tensors: list[tuple[dict[str, Any], torch.Tensor]]) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return {"$float": repr(value)}
    if isinstance(value, torch.Tensor):
        if value.is_sparse or value.is_quantized or value.is_meta or value.dtype not in DTYPES.values():
            raise CodecError(f"tensors of this kind cannot be returned (dtype {value.dtype}, layout {value.layout})")
        meta: dict[str, Any] = {"$t": len(tensors), "device": value.device.type, "requires_grad": value.requires_grad}
        data = value.detach()
        if not data.is_contiguous() and data.dim() >= 2 and data.mT.is_contiguous():
            # Keep a transposed view transposed, so non-contiguous inputs stay non-contiguous.
            meta["mT"] = True
            data = data.mT
        meta["dtype"] = str(data.dtype).removeprefix("torch.")
        meta["shape"] = list(data.shape)
        tensors.append((meta, data.contiguous()))
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


def _layout(value: Any) -> tuple[bytes, list[tuple[dict[str, Any], torch.Tensor]], int]:
    """The value's JSON tree, its tensors, and the blob size they need; places each tensor in the blob."""
    tensors: list[tuple[dict[str, Any], torch.Tensor]] = []
    tree = _encode_tree(value, tensors)
    size = 0
    for meta, data in tensors:
        size = -(-size // ALIGN) * ALIGN
        meta["offset"], meta["nbytes"] = size, data.numel() * data.element_size()
        size += meta["nbytes"]
    return json.dumps(tree, allow_nan=False).encode(), tensors, size


def _write(tensors: list[tuple[dict[str, Any], torch.Tensor]], buffer: Any) -> None:
    for meta, data in tensors:
        if meta["nbytes"]:
            target = torch.frombuffer(buffer, dtype=torch.uint8, count=meta["nbytes"], offset=meta["offset"])
            # The target is viewed as the data's dtype, not the data as bytes: a "contiguous" tensor may have
            # any stride on a dimension of size 1, which a byte view refuses.
            target.view(data.dtype).copy_(data.reshape(-1))


def encode(value: Any) -> tuple[bytes, bytearray]:
    """Return (json bytes, blob) for a value tree."""
    tree, tensors, size = _layout(value)
    blob = bytearray(size)
    _write(tensors, blob)
    return tree, blob


def encode_into(value: Any, buffer: Any) -> tuple[bytes, int] | None:
    """Write the value's tensor bytes at the start of `buffer` (writable); return (json bytes, blob size), or
    None when they do not fit (the caller sends the blob on the pipe instead)."""
    tree, tensors, size = _layout(value)
    if size > len(buffer):
        return None
    _write(tensors, buffer)
    return tree, size


def _tensor(node: dict[str, Any], blob: Any, device: str) -> torch.Tensor:
    """A fresh tensor (its own memory, on `device`) from one tensor's entry and the blob it points into."""
    dtype = DTYPES.get(node.get("dtype"))
    shape, offset, nbytes = node.get("shape"), node.get("offset"), node.get("nbytes")
    if dtype is None or not isinstance(shape, list) or not all(isinstance(d, int) and d >= 0 for d in shape):
        raise CodecError(f"malformed tensor entry: {str(node)[:200]}")
    itemsize = dtype.itemsize
    if (not isinstance(offset, int) or not isinstance(nbytes, int) or offset < 0
            or nbytes != math.prod(shape) * itemsize or offset + nbytes > len(blob)):
        raise CodecError(f"tensor bytes do not match its dtype and shape, or lie outside the blob: {str(node)[:200]}")
    if nbytes == 0:
        return torch.empty(shape, dtype=dtype, device=device)
    with warnings.catch_warnings():  # a read-only buffer (bytes): it is only read, before the copy below
        warnings.simplefilter("ignore", UserWarning)
        view = torch.frombuffer(blob, dtype=torch.uint8, count=nbytes, offset=offset)
    view = view.view(dtype).reshape(shape)
    return view.clone() if device == "cpu" else view.to(device)


def _decode_tree(node: Any, blob: Any, device: str) -> Any:
    if isinstance(node, list):
        return [_decode_tree(v, blob, device) for v in node]
    if isinstance(node, dict):
        if "$t" in node:
            tensor = _tensor(node, blob, device)
            if node.get("mT"):
                tensor = tensor.mT
            if node.get("requires_grad") and tensor.is_floating_point():
                tensor.requires_grad_(True)
            return tensor
        if "$tuple" in node:
            return tuple(_decode_tree(v, blob, device) for v in node["$tuple"])
        if "$float" in node:
            return float(node["$float"])
        return {k: _decode_tree(v, blob, device) for k, v in node.items()}
    return node


def decode(tree_bytes: bytes, blob: Any, device: str | None = None) -> Any:
    """Rebuild a value tree from its JSON and any buffer holding its blob; tensors are copies, on `device`
    (CPU when None), so the buffer may be reused at once."""
    try:
        return _decode_tree(json.loads(tree_bytes), blob, device or "cpu")
    except (ValueError, KeyError, TypeError, RuntimeError) as exc:
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
