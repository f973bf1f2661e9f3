import math

import torch


def attention(q, k, v, mask=None):
    d = q.shape[-1]
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    # "Cleaned up": the nan_to_num looked unnecessary once the softmax axis was fixed.
    weights = torch.softmax(scores, dim=-1)
    return weights @ v, weights
