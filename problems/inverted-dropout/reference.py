import torch


def dropout(x: torch.Tensor, p: float, training: bool, u: torch.Tensor) -> torch.Tensor:
    if not training or p == 0.0:
        return x
    if p >= 1.0:
        return torch.zeros_like(x)
    keep = u.to(x.device) >= p
    return x * keep.to(x.dtype) * (1.0 / (1.0 - p))
