import torch


def dropout(x, p, training, seed):
    if not training:
        return x
    g = torch.Generator().manual_seed(seed)
    keep = torch.rand(x.shape, generator=g) >= p
    scale = 1.0 / (1.0 - p) if p < 1.0 else float("inf")
    return x * keep.to(x.dtype) * scale
