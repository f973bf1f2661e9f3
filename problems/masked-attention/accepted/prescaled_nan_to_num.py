import torch


def masked_attention(q, k, v, key_padding_mask=None, causal=False):
    d = q.shape[-1]
    scores = (q * d ** -0.5) @ k.mT
    blocked = torch.zeros(scores.shape, dtype=torch.bool, device=q.device)
    if key_padding_mask is not None:
        blocked = blocked | key_padding_mask[:, None, :]
    if causal:
        blocked = blocked | torch.ones(scores.shape[-2:], dtype=torch.bool, device=q.device).triu(1)
    scores = torch.where(blocked, torch.full_like(scores, float("-inf")), scores)
    weights = torch.softmax(scores, dim=-1).nan_to_num(0.0)  # a row with no key: 0/0 -> 0
    return weights @ v, weights
