import torch


def decode(transition: torch.Tensor, start: torch.Tensor, steps: int, temperature: float, seed: int) -> dict:
    """Generate `steps` tokens per row; return {"tokens": [batch, steps + 1] long, "logprob": [batch]}."""
    raise NotImplementedError
