import torch


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    """Normalise `x` over its last dimension by its root mean square, then scale by `weight`."""
    raise NotImplementedError
