import torch
import torch.nn.functional as F
from torch import nn


class CachedCausalSelfAttention(nn.Module):
    # Scales q before the product and masks with a position comparison: differently rounded, same maths.
    def __init__(self, embed_dim, num_heads):
        super().__init__()
        self.num_heads = num_heads
        self.head_dim = embed_dim // num_heads
        self.qkv = nn.Linear(embed_dim, 3 * embed_dim)
        self.proj = nn.Linear(embed_dim, embed_dim)

    def forward(self, x, past=None):
        b, t, e = x.shape
        h, d = self.num_heads, self.head_dim
        qkv = F.linear(x, self.qkv.weight, self.qkv.bias).reshape(b, t, 3, h, d).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0] * d ** -0.5, qkv[1], qkv[2]
        if past is not None:
            k, v = torch.cat((past[0], k), 2), torch.cat((past[1], v), 2)
        n = k.shape[2]
        query_pos = torch.arange(n - t, n, device=x.device)[:, None]
        key_pos = torch.arange(n, device=x.device)[None, :]
        scores = torch.einsum("bhqd,bhkd->bhqk", q, k).masked_fill(key_pos > query_pos, float("-inf"))
        out = torch.einsum("bhqk,bhkd->bqhd", scores.softmax(-1), v).reshape(b, t, e)
        return self.proj(out), (k, v)
