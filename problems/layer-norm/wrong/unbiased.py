import math

import torch


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    dims = tuple(range(-len(normalized_shape), 0))
    mu = x.mean(dim=dims, keepdim=True)
    xc = x - mu
    n = math.prod(normalized_shape)
    var = (xc * xc).sum(dim=dims, keepdim=True) / (n - 1)  # wrong: unbiased
    y = xc * torch.rsqrt(var + eps)
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y
