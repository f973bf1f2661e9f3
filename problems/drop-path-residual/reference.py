import torch


def residual_drop_path(x: torch.Tensor, branch: torch.Tensor, drop_prob: float, training: bool, u: torch.Tensor,
                       scale_by_keep: bool = True) -> torch.Tensor:
    if not training or drop_prob == 0.0:
        return x + branch
    keep_prob = 1.0 - drop_prob
    # One decision per sample, broadcast over every other dimension: [N, 1, 1, ...].
    keep = (u >= drop_prob).reshape((-1,) + (1,) * (branch.dim() - 1)).to(branch.dtype)
    if scale_by_keep and keep_prob > 0.0:
        keep = keep / keep_prob
    return x + branch * keep
