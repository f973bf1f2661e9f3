import torch


def apply_rotary(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    """x: (B, H, T, d) queries or keys; positions: (B, T) int64. Return x rotated, same shape and dtype."""
    raise NotImplementedError
