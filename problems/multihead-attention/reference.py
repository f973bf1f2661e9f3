import math

import torch
import torch.nn.functional as F
from torch import nn


class MultiHeadSelfAttention(nn.Module):
    """Written out by hand, as the statement asks of the user: the packed (q, k, v) projection, heads split
    from contiguous feature slices, scores scaled by sqrt(head_dim), masks as -inf, weights averaged."""

    def __init__(self, embed_dim: int, num_heads: int) -> None:
        super().__init__()
        assert embed_dim % num_heads == 0
        self.embed_dim = embed_dim
        self.num_heads = num_heads
        self.in_proj_weight = nn.Parameter(torch.empty(3 * embed_dim, embed_dim))
        self.in_proj_bias = nn.Parameter(torch.empty(3 * embed_dim))
        self.out_proj = nn.Linear(embed_dim, embed_dim)

    def forward(
        self, x: torch.Tensor, key_padding_mask: torch.Tensor | None = None, causal: bool = False
    ) -> tuple[torch.Tensor, torch.Tensor]:
        b, length, e = x.shape
        h = self.num_heads
        d = e // h
        q, k, v = F.linear(x, self.in_proj_weight, self.in_proj_bias).chunk(3, dim=-1)

        def heads(t: torch.Tensor) -> torch.Tensor:
            return t.reshape(b, length, h, d).transpose(1, 2)  # (B, H, L, d)

        q, k, v = heads(q), heads(k), heads(v)
        scores = q @ k.transpose(-2, -1) / math.sqrt(d)
        blocked = torch.zeros(b, 1, 1, length, dtype=torch.bool, device=x.device)
        if key_padding_mask is not None:
            blocked = blocked | key_padding_mask[:, None, None, :].to(device=x.device, dtype=torch.bool)
        if causal:
            blocked = blocked | torch.ones(length, length, dtype=torch.bool, device=x.device).triu(1)
        weights = torch.softmax(scores.masked_fill(blocked, float("-inf")), dim=-1)
        out = (weights @ v).transpose(1, 2).reshape(b, length, e)
        return self.out_proj(out), weights.mean(dim=1)
