import torch


def alibi_slopes(num_heads: int) -> list[float]:
    """The ALiBi slope of each head, head 0 first."""
    raise NotImplementedError


def alibi_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """q: (B, H, Tq, d), k and v: (B, H, Tk, d) with Tq <= Tk; the queries are the last Tq positions.
    Return causal attention with ALiBi biases, shape (B, H, Tq, d)."""
    raise NotImplementedError
