"""The timer's arithmetic, kept free of torch so it can be tested anywhere."""

from __future__ import annotations

import math
import statistics

# Calls shorter than this are batched until one span lasts about this long. The first call of a span runs
# with cold caches (the other runner's span came in between) and the rest in the steady state a real
# workload sees; a longer span weighs the steady state, where twice the work takes twice the time, more.
SPAN_TARGET_MS = 25.0
MAX_BATCH = 64
# The inputs and outputs of one span's calls, tensor data: about a server's last-level cache (32 MB on the
# 2-core VM). Past it, a batch's calls evict each other's data, and a solution that does its work twice
# reads its input from cache on the second pass: stable-softmax's twice the work, batched up to 4 x 16 MB,
# scored 0.49-0.60 over 12 Submits (median 0.57); at most 2 x 16 MB, 0.46-0.59 over 36 (median 0.52).
MAX_BATCH_TENSOR_BYTES = 32 << 20
MAX_BATCH_JSON_BYTES = 4 << 20  # their value trees (a long list of floats travels as JSON, capped at 16 MiB)


def batch_size(call_ms: float, tensor_bytes: int, json_bytes: int = 0) -> int:
    """Calls per span: enough that a span lasts about SPAN_TARGET_MS, within the batch cap and the caps on
    what one call's inputs and outputs take (`tensor_bytes`, `json_bytes`)."""
    if call_ms >= SPAN_TARGET_MS:
        return 1
    wanted = math.ceil(SPAN_TARGET_MS / max(call_ms, 1e-3))
    by_tensors = MAX_BATCH_TENSOR_BYTES // max(tensor_bytes, 1)
    by_json = MAX_BATCH_JSON_BYTES // max(json_bytes, 1)
    return max(1, min(wanted, MAX_BATCH, by_tensors, by_json))


def deferred_ms(user_overheads_ms: list[float], ref_overheads_ms: list[float]) -> float:
    """Work the submission did outside its `go`, per call: how much more its spans spent staging and
    fetching than the reference's did (medians over the case, never below zero). Honest code moves the same
    data as the reference and defers nothing; a solution that returns at once and finishes in a thread,
    computes while its inputs are staged or leaves work on a side stream pays for it here."""
    return max(statistics.median(user_overheads_ms) - statistics.median(ref_overheads_ms), 0.0)


def pair_ratios(ref_ms: list[float], user_ms: list[float]) -> list[float]:
    """Reference time over submission time, pair by pair (a speedup per pair)."""
    return [ref / user for ref, user in zip(ref_ms, user_ms, strict=True)]


def finite_or_none(value: float) -> float | None:
    """JSON has no infinity: an undefined statistic (fewer than two runs) is reported as null."""
    return value if math.isfinite(value) else None


def rse(values: list[float]) -> float:
    """Relative standard error of the mean; infinite until there are two values."""
    if len(values) < 2:
        return float("inf")
    mean = statistics.fmean(values)
    return statistics.stdev(values) / (len(values) ** 0.5) / mean if mean > 0 else float("inf")
