import math

import torch


def grouped_query_attention(x: torch.Tensor, wq: torch.Tensor, wk: torch.Tensor, wv: torch.Tensor,
                            wo: torch.Tensor, num_heads: int, num_kv_heads: int,
                            key_padding_mask: torch.Tensor | None = None) -> torch.Tensor:
    b, length, _ = x.shape
    head_dim = x.shape[-1] // num_heads  # wrong: assumes num_heads * head_dim == d_model
    group = num_heads // num_kv_heads
    q = (x @ wq.T).view(b, length, num_heads, head_dim).transpose(1, 2)        # (B, H, L, hd)
    k = (x @ wk.T).view(b, length, num_kv_heads, head_dim).transpose(1, 2)     # (B, Hkv, L, hd)
    v = (x @ wv.T).view(b, length, num_kv_heads, head_dim).transpose(1, 2)
    # Query head h reads kv head h // group: each kv head serves `group` consecutive query heads.
    k = k.repeat_interleave(group, dim=1)
    v = v.repeat_interleave(group, dim=1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(head_dim)
    blocked = torch.ones(length, length, dtype=torch.bool, device=x.device).triu(1)
    if key_padding_mask is not None:
        blocked = blocked | key_padding_mask[:, None, None, :]
    weights = torch.softmax(scores.masked_fill(blocked, float("-inf")), dim=-1)
    out = (weights @ v).transpose(1, 2).reshape(b, length, num_heads * head_dim)
    return out @ wo.T
