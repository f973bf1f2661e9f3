import math

import torch
import torch.nn.functional as F


def sliding_window_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, window: int) -> torch.Tensor:
    b, h, length, d = q.shape
    w = min(window, length)
    # Banded: query i only ever needs keys i-w+1 .. i, so build those w keys per query (O(L*w), not O(L^2)).
    k_pad = F.pad(k, (0, 0, w - 1, 0))                     # w-1 fake keys in front of position 0
    v_pad = F.pad(v, (0, 0, w - 1, 0))
    k_win = k_pad.unfold(2, w, 1)                          # (B, H, L, d, w): window j holds keys i-w+1 .. i
    v_win = v_pad.unfold(2, w, 1)
    scores = torch.einsum("bhld,bhldw->bhlw", q, k_win) / math.sqrt(d)
    # Slot s of query i is key i - w + 1 + s; slots before key 0 are padding and must get no weight.
    fake = torch.arange(length, device=q.device)[:, None] - w + 1 + torch.arange(w, device=q.device)[None, :] < 0
    weights = torch.softmax(scores.masked_fill(fake, float("-inf")), dim=-1)
    return torch.einsum("bhlw,bhldw->bhld", weights, v_win)
