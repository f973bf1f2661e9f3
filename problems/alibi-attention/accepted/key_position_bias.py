import math

import torch


def alibi_slopes(num_heads):
    closest = 2 ** int(math.log2(num_heads))
    base = 2.0 ** (-(2.0 ** -(math.log2(closest) - 3)))
    slopes = [base ** i for i in range(1, closest + 1)]
    if closest != num_heads:
        extra = 2.0 ** (-(2.0 ** -(math.log2(2 * closest) - 3)))
        slopes += [extra ** i for i in range(1, 2 * (num_heads - closest), 2)]
    return slopes


def alibi_attention(q, k, v):
    # BLOOM's form: the bias is slope * key_position. It differs from -slope * (i - j) by slope * i, the same
    # for every key of a query row, and softmax does not see a constant added to a whole row.
    b, h, t_q, d = q.shape
    t_k = k.shape[-2]
    slopes = q.new_tensor(alibi_slopes(h), dtype=torch.float64)
    bias = slopes[:, None, None] * torch.arange(t_k, device=q.device, dtype=torch.float64)
    scores = torch.einsum("bhqd,bhkd->bhqk", q.double(), k.double()) / math.sqrt(d) + bias
    allowed = torch.ones(t_q, t_k, dtype=torch.bool, device=q.device).tril(diagonal=t_k - t_q)
    scores = scores.masked_fill(~allowed, float("-inf"))
    weights = (scores - scores.amax(-1, keepdim=True)).exp()
    weights = weights / weights.sum(-1, keepdim=True)
    return (weights @ v.double()).to(q.dtype)
