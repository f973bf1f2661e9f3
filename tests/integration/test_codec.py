"""The sandbox's codec, run where torch is (the sandbox image): every kind of value a solution may return
round-trips exactly through a pipe's bytes and through shared memory, and a malformed tensor entry (bytes
that do not match its dtype and shape, or lie outside the blob, an unknown dtype) is refused."""

from __future__ import annotations

import pytest

from tests.integration.sandbox import python_in_image

pytestmark = pytest.mark.integration

CHECK = """
import mmap, sys, torch
sys.path.insert(0, "/opt/judge")
from graders.sandbox import codec

VALUES = [
    torch.randn(1, 3)[:, 0],  # "contiguous", with a stride of 3 on its one dimension, of size 1
    torch.randn(1, 3)[:, 1:2],
    torch.randn(3, 3)[:, :1],
    torch.randn(0, 4),
    torch.tensor(3.5),
    torch.rand(4, 5) > 0.5,
    torch.randn(5, 7).to(torch.bfloat16),
    torch.randn(6, 4).mT,
    torch.randn(4, 6)[:, ::2],
    torch.arange(10),
    (1, 2.5, float("inf"), "s", None),
    {"a": torch.randn(2, 2, dtype=torch.float64), "b": [torch.ones(3, dtype=torch.int8)]},
    torch.randn(3).requires_grad_(),
]


def same(a, b):
    if isinstance(a, torch.Tensor):
        assert isinstance(b, torch.Tensor) and (a.dtype, a.shape) == (b.dtype, b.shape), (a, b)
        assert torch.equal(a.detach(), b.detach()), (a, b)
    elif isinstance(a, dict):
        assert a.keys() == b.keys()
        for key in a:
            same(a[key], b[key])
    elif isinstance(a, (list, tuple)):
        assert type(a) is type(b) and len(a) == len(b)
        for x, y in zip(a, b):
            same(x, y)
    else:
        assert a == b, (a, b)


tree, blob = codec.encode(VALUES)
same(VALUES, codec.decode(tree, blob))
same(VALUES, codec.decode(tree, bytes(blob)))
shared = mmap.mmap(-1, 1 << 20)
tree, size = codec.encode_into(VALUES, shared)
same(VALUES, codec.decode(tree, memoryview(shared)[:size]))
assert codec.encode_into([torch.zeros(1 << 20)], shared) is None  # 4 MiB do not fit in 1 MiB

BAD = [
    {"dtype": "float32", "shape": [4], "offset": 0, "nbytes": 15},
    {"dtype": "float32", "shape": [4], "offset": 1 << 20, "nbytes": 16},
    {"dtype": "object", "shape": [4], "offset": 0, "nbytes": 16},
    {"dtype": "float32", "shape": [-4], "offset": 0, "nbytes": 16},
]
for entry in BAD:
    try:
        codec.decode(codec.json.dumps([{"$t": 0, **entry}]).encode(), bytes(64))
    except codec.CodecError:
        continue
    raise SystemExit(f"accepted {entry}")
try:
    codec.encode(torch.zeros(2, dtype=torch.complex64))
    raise SystemExit("a complex tensor was accepted")
except codec.CodecError:
    pass
print("codec ok")
"""


def test_values_round_trip_and_malformed_tensor_entries_are_refused():
    assert python_in_image(CHECK).strip().endswith("codec ok")
