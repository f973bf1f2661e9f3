import torch


def softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    # Shift by the maximum so the largest exponent is exp(0) = 1: nothing overflows.
    shift = x.amax(dim=dim, keepdim=True)
    # A row that is entirely -inf has max -inf; shifting by it would give NaN, so shift by 0 instead.
    shift = torch.where(torch.isfinite(shift), shift, torch.zeros_like(shift))
    e = torch.exp(x - shift)
    return e / e.sum(dim=dim, keepdim=True)
