import torch


def dropout(x, p, training, seed):
    if p == 0.0:
        return x
    if p >= 1.0:
        return torch.zeros_like(x)
    g = torch.Generator().manual_seed(seed)
    keep = torch.rand(x.shape, generator=g) >= p
    return x * keep.to(x.dtype) / (1 - p)
