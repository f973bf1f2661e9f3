import torch


def sample(logits: torch.Tensor, gumbel: torch.Tensor, top_k: int, top_p: float, temperature: float) -> torch.Tensor:
    """Per row, the surviving token with the largest logits / temperature + gumbel."""
    raise NotImplementedError
