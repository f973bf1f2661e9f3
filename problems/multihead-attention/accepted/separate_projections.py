import math

import torch
from torch import nn


class MultiHeadSelfAttention(nn.Module):
    """Three separate x @ W.T + b projections, queries scaled before the product (as PyTorch does), an
    additive -inf mask: the same function as the reference, rounded differently."""

    def __init__(self, embed_dim, num_heads):
        super().__init__()
        self.embed_dim = embed_dim
        self.num_heads = num_heads
        self.in_proj_weight = nn.Parameter(torch.empty(3 * embed_dim, embed_dim))
        self.in_proj_bias = nn.Parameter(torch.empty(3 * embed_dim))
        self.out_proj = nn.Linear(embed_dim, embed_dim)

    def forward(self, x, key_padding_mask=None, causal=False):
        b, length, e = x.shape
        h = self.num_heads
        d = e // h
        w_q, w_k, w_v = self.in_proj_weight.split(e)
        b_q, b_k, b_v = self.in_proj_bias.split(e)
        q = (x @ w_q.T + b_q) * (1.0 / math.sqrt(d))
        k = x @ w_k.T + b_k
        v = x @ w_v.T + b_v
        q, k, v = (t.view(b, length, h, d).permute(0, 2, 1, 3) for t in (q, k, v))
        bias = torch.zeros(b, 1, length, length, dtype=x.dtype, device=x.device)
        if key_padding_mask is not None:
            bias = bias.masked_fill(key_padding_mask[:, None, None, :], float("-inf"))
        if causal:
            future = torch.ones(length, length, dtype=torch.bool, device=x.device).triu(1)
            bias = bias.masked_fill(future, float("-inf"))
        scores = torch.einsum("bhqd,bhkd->bhqk", q, k) + bias
        weights = torch.exp(scores - scores.amax(dim=-1, keepdim=True))
        weights = weights / weights.sum(dim=-1, keepdim=True)
        out = torch.einsum("bhqk,bhkd->bqhd", weights, v).reshape(b, length, e)
        return out @ self.out_proj.weight.T + self.out_proj.bias, weights.sum(dim=1) / h
