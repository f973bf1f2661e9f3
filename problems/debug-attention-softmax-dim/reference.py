import math

import torch


def attention(q, k, v, mask=None):
    """Scaled dot-product attention. Returns (output, weights)."""
    d = q.shape[-1]
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    # Each query's weights form a distribution over the keys: normalize along the last (key) axis.
    weights = torch.softmax(scores, dim=-1)
    # A query with no allowed key has a row of -inf scores, which softmax turns into NaN: make it 0.
    weights = torch.nan_to_num(weights, nan=0.0)
    return weights @ v, weights
