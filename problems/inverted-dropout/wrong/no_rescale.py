import torch


def dropout(x, p, training, seed):
    if not training:
        return x
    g = torch.Generator().manual_seed(seed)
    keep = torch.rand(x.shape, generator=g) >= p
    return x * keep.to(x.dtype)
