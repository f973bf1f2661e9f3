import torch


def decode(transition: torch.Tensor, start: torch.Tensor, steps: int, temperature: float,
           uniforms: torch.Tensor) -> dict:
    """Generate `steps` tokens per row; return {"tokens": [batch, steps + 1] long, "logprob": [batch]}."""
    raise NotImplementedError
