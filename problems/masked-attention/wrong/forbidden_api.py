import torch
import torch.nn.functional as F


def masked_attention(q, k, v, key_padding_mask=None, causal=False):
    scores = q @ k.transpose(-2, -1) / q.shape[-1] ** 0.5
    allowed = torch.ones(scores.shape[-2:], dtype=torch.bool, device=q.device)
    if causal:
        allowed = allowed.tril()
    if key_padding_mask is not None:
        allowed = allowed & ~key_padding_mask[:, None, :]
    weights = torch.softmax(scores.masked_fill(~allowed, float("-inf")), dim=-1).nan_to_num(0.0)
    sdpa = getattr(F, "scaled_dot_product_attention")
    return sdpa(q, k, v, attn_mask=allowed), weights
