import torch
from torch import nn


class Attn(nn.Module):
    def __init__(self, d, h):
        super().__init__()
        self.h = h
        self.in_proj_weight = nn.Parameter(torch.zeros(3 * d, d))
        self.in_proj_bias = nn.Parameter(torch.zeros(3 * d))
        self.out_proj = nn.Linear(d, d)


def layer_norm(x, ln):
    # By hand (two-pass mean and biased variance): rounded differently from F.layer_norm.
    mu = x.mean(-1, keepdim=True)
    var = ((x - mu) ** 2).mean(-1, keepdim=True)
    return (x - mu) * torch.rsqrt(var + ln.eps) * ln.weight + ln.bias


class PreLNBlock(nn.Module):
    # Scales queries before the product, einsum heads, erf GELU written out.
    def __init__(self, d_model, nhead, dim_feedforward):
        super().__init__()
        self.self_attn = Attn(d_model, nhead)
        self.linear1 = nn.Linear(d_model, dim_feedforward)
        self.linear2 = nn.Linear(dim_feedforward, d_model)
        self.norm1 = nn.LayerNorm(d_model)
        self.norm2 = nn.LayerNorm(d_model)

    def forward(self, x, key_padding_mask=None):
        b, n, d = x.shape
        h = self.self_attn.h
        w, bias = self.self_attn.in_proj_weight, self.self_attn.in_proj_bias
        y = layer_norm(x, self.norm1)
        q = (y @ w[:d].T + bias[:d]).view(b, n, h, d // h) * (d // h) ** -0.5
        k = (y @ w[d:2 * d].T + bias[d:2 * d]).view(b, n, h, d // h)
        v = (y @ w[2 * d:].T + bias[2 * d:]).view(b, n, h, d // h)
        s = torch.einsum("bqhe,bkhe->bhqk", q, k)
        if key_padding_mask is not None:
            s = s + torch.zeros_like(key_padding_mask, dtype=s.dtype).masked_fill(
                key_padding_mask, float("-inf"))[:, None, None, :]
        a = torch.einsum("bhqk,bkhe->bqhe", s.softmax(-1), v).reshape(b, n, d)
        x = x + self.self_attn.out_proj(a)
        u = self.linear1(layer_norm(x, self.norm2))
        u = 0.5 * u * (1 + torch.erf(u / 2 ** 0.5))
        return x + self.linear2(u)
