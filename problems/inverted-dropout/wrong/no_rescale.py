import torch


def dropout(x, p, training, u):
    if not training:
        return x
    keep = u >= p
    return x * keep.to(x.dtype)
