import torch
import torch.nn.functional as F
from torch import nn


class _GPT2Projection(nn.Module):
    def __init__(self, n_in: int, n_out: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(n_in, n_out))
        self.bias = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        return x @ self.weight + self.bias


class GPT2SelfAttention(nn.Module):
    # Fused scaled_dot_product_attention with one boolean mask (causal and padding together), and plain
    # matmuls for the projections: the same function, rounded differently.
    def __init__(self, config):
        super().__init__()
        self.h = config.n_head
        self.c_attn = _GPT2Projection(config.n_embd, 3 * config.n_embd)
        self.c_proj = _GPT2Projection(config.n_embd, config.n_embd)

    def forward(self, hidden_states, attention_mask=None):
        b, t, d = hidden_states.shape
        q, k, v = [z.unflatten(-1, (self.h, d // self.h)).transpose(1, 2)
                   for z in self.c_attn(hidden_states).chunk(3, dim=-1)]
        keep = torch.ones(t, t, dtype=torch.bool, device=hidden_states.device).tril()[None, None]
        if attention_mask is not None:
            keep = keep & (attention_mask[:, None, None, :] == 1)
        out = F.scaled_dot_product_attention(q, k, v, attn_mask=keep)
        return self.c_proj(out.transpose(1, 2).flatten(2))
