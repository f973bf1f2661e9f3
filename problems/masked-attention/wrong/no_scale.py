import torch


def masked_attention(q, k, v, key_padding_mask=None, causal=False):
    b, lq, _ = q.shape
    lk = k.shape[1]
    scores = q @ k.transpose(-2, -1)
    allowed = torch.ones(b, lq, lk, dtype=torch.bool, device=q.device)
    if key_padding_mask is not None:
        allowed &= ~key_padding_mask[:, None, :]
    if causal:
        allowed &= torch.ones(lq, lk, dtype=torch.bool, device=q.device).tril()
    scores = scores.masked_fill(~allowed, float("-inf"))
    scores = scores.masked_fill(~allowed.any(-1, keepdim=True), 0.0)
    weights = torch.softmax(scores, dim=-1) * allowed
    return weights @ v, weights
