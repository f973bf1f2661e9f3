"""Frames on the pipes between the harness and its runners: a JSON header and a binary blob.

A frame is: 4-byte JSON length, 8-byte blob length (both little-endian), the JSON, the blob. This module
needs no torch, so the harness can start its runners before paying for its own torch import.
"""

from __future__ import annotations

import json
import struct
from typing import Any, BinaryIO

HEADER = struct.Struct("<IQ")
MAX_JSON = 16 * 1024 * 1024


class CodecError(ValueError):
    """A value cannot be encoded, or bytes are not a valid frame."""


class FrameTooLarge(CodecError):
    """A frame is larger than the reader allows (the writer produced too much output)."""


def write_frame(stream: BinaryIO, header: dict[str, Any], blob: bytes = b"") -> None:
    """Write one frame: a JSON header (message and value tree) and a blob."""
    data = json.dumps(header, allow_nan=False).encode()
    stream.write(HEADER.pack(len(data), len(blob)))
    stream.write(data)
    if blob:
        stream.write(blob)
    stream.flush()


def _read_exact(stream: BinaryIO, size: int) -> bytes:
    chunks = []
    remaining = size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            raise EOFError("the other process closed the channel")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_frame(stream: BinaryIO, max_blob: int) -> tuple[dict[str, Any], bytes]:
    """Read one frame, refusing a blob larger than `max_blob` bytes."""
    json_len, blob_len = HEADER.unpack(_read_exact(stream, HEADER.size))
    if json_len > MAX_JSON:
        raise FrameTooLarge(f"message header of {json_len} bytes")
    if blob_len > max_blob:
        raise FrameTooLarge(f"output of {blob_len} bytes exceeds the limit of {max_blob} bytes")
    try:
        header = json.loads(_read_exact(stream, json_len))
    except ValueError as exc:
        raise CodecError(f"malformed message: {exc}") from exc
    if not isinstance(header, dict):
        raise CodecError("malformed message: not an object")
    return header, _read_exact(stream, blob_len)
