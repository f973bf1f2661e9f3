import math

import torch


def sliding_window_attention(q, k, v, window):
    n = q.shape[-2]
    i = torch.arange(n, device=q.device)
    # wrong: keeps keys i-window .. i, which is window + 1 keys
    allowed = (i[None, :] <= i[:, None]) & (i[None, :] >= i[:, None] - window)
    s = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    return torch.softmax(s.masked_fill(~allowed, float("-inf")), dim=-1) @ v
