import torch


def residual_drop_path(x: torch.Tensor, branch: torch.Tensor, drop_prob: float, training: bool, u: torch.Tensor,
                       scale_by_keep: bool = True) -> torch.Tensor:
    """Return x + DropPath(branch): the residual branch dropped per sample when u[i] < drop_prob."""
    raise NotImplementedError
