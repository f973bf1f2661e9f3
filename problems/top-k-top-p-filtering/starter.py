import torch


def top_k_top_p_filter(logits: torch.Tensor, top_k: int, top_p: float) -> torch.Tensor:
    """Return a copy of `logits` [batch, vocab] with filtered-out tokens set to -inf."""
    raise NotImplementedError
