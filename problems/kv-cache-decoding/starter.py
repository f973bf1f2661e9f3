import math  # noqa: F401 - you will need it

import torch
from torch import nn


class CachedCausalSelfAttention(nn.Module):
    def __init__(self, embed_dim: int, num_heads: int) -> None:
        super().__init__()
        self.num_heads = num_heads
        self.head_dim = embed_dim // num_heads
        self.qkv = nn.Linear(embed_dim, 3 * embed_dim)   # q, k, v stacked in this order
        self.proj = nn.Linear(embed_dim, embed_dim)

    def forward(
        self, x: torch.Tensor, past: tuple[torch.Tensor, torch.Tensor] | None = None
    ) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
        """x: (B, T, E) new tokens; past: (k, v), each (B, H, T_past, E/H), or None.
        Return (out (B, T, E), (k, v) with T_past + T positions)."""
        raise NotImplementedError
