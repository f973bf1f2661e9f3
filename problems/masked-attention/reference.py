import math

import torch


def masked_attention(
    q: torch.Tensor,
    k: torch.Tensor,
    v: torch.Tensor,
    key_padding_mask: torch.Tensor | None = None,
    causal: bool = False,
) -> tuple[torch.Tensor, torch.Tensor]:
    batch, lq, d = q.shape
    lk = k.shape[1]
    scores = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(d)
    allowed = torch.ones(batch, lq, lk, dtype=torch.bool, device=q.device)
    if key_padding_mask is not None:
        allowed = allowed & ~key_padding_mask[:, None, :]
    if causal:
        allowed = allowed & torch.ones(lq, lk, dtype=torch.bool, device=q.device).tril()
    scores = scores.masked_fill(~allowed, float("-inf"))
    # A row with no allowed key would be softmax(-inf, ..., -inf) = NaN: give it finite scores,
    # and let the multiplication by `allowed` below zero it.
    has_key = allowed.any(dim=-1, keepdim=True)
    scores = scores.masked_fill(~has_key, 0.0)
    weights = torch.softmax(scores, dim=-1) * allowed.to(q.dtype)
    return torch.matmul(weights, v), weights
