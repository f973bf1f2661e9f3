import math

import torch


def sliding_window_attention(q, k, v, window):
    n = q.shape[-2]
    i = torch.arange(n, device=q.device)
    # wrong: a Longformer-style band |i - j| < window, which lets queries see future keys
    allowed = (i[None, :] - i[:, None]).abs() < window
    s = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    return torch.softmax(s.masked_fill(~allowed, float("-inf")), dim=-1) @ v
