import math

import torch


def attention(q, k, v, mask=None):
    """Scaled dot-product attention. Returns (output, weights)."""
    d = q.shape[-1]
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-2)
    weights = torch.nan_to_num(weights, nan=0.0)
    return weights @ v, weights
