import torch


def dropout(x, p, training, u):
    if not training:
        return x
    keep = u >= p
    scale = 1.0 / (1.0 - p) if p < 1.0 else float("inf")
    return x * keep.to(x.dtype) * scale
