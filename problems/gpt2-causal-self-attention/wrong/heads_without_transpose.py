import math

import torch
from torch import nn


class Conv1D(nn.Module):
    """GPT-2's projection: the weight is stored (in_features, out_features) and applied as x @ W + b."""

    def __init__(self, out_features: int, in_features: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.empty(in_features, out_features))
        self.bias = nn.Parameter(torch.zeros(out_features))
        nn.init.normal_(self.weight, std=0.02)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.addmm(self.bias, x.reshape(-1, x.shape[-1]), self.weight).view(*x.shape[:-1], -1)


class GPT2SelfAttention(nn.Module):
    def __init__(self, config) -> None:
        super().__init__()
        self.n_head = config.n_head
        self.n_embd = config.n_embd
        self.head_dim = config.n_embd // config.n_head
        self.c_attn = Conv1D(3 * config.n_embd, config.n_embd)
        self.c_proj = Conv1D(config.n_embd, config.n_embd)

    def forward(self, hidden_states: torch.Tensor, attention_mask: torch.Tensor | None = None) -> torch.Tensor:
        b, t, d = hidden_states.shape
        # The fused projection's columns are [q | k | v], each n_embd wide; within each, head h owns
        # columns h*head_dim .. (h+1)*head_dim - 1.
        q, k, v = self.c_attn(hidden_states).split(self.n_embd, dim=-1)
        q, k, v = (z.reshape(b, self.n_head, t, self.head_dim) for z in (q, k, v))  # wrong: no transpose
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.head_dim)             # (B, H, T, T)
        allowed = torch.ones(t, t, dtype=torch.bool, device=hidden_states.device).tril()
        if attention_mask is not None:
            allowed = allowed & attention_mask.bool()[:, None, None, :]         # padded keys are never seen
        scores = scores.masked_fill(~allowed, float("-inf"))
        out = torch.softmax(scores, dim=-1) @ v                                 # (B, H, T, head_dim)
        return self.c_proj(out.transpose(1, 2).reshape(b, t, d))
