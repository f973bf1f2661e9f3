import torch


def dropout(x, p, training, u):
    if p == 0.0:
        return x
    if p >= 1.0:
        return torch.zeros_like(x)
    keep = u >= p
    return x * keep.to(x.dtype) / (1 - p)
