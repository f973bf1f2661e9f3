import torch


def log_softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    # Shift by the maximum: every exponent is then <= 0 and the sum of exps is at least 1.
    shift = x.amax(dim=dim, keepdim=True)
    # A slice that is entirely -inf has max -inf; shift it by 0 so the result is log(0) - ... = NaN,
    # not an accidental -inf - (-inf) in one place and something else in another.
    shift = torch.where(torch.isfinite(shift), shift, torch.zeros_like(shift))
    z = x - shift
    return z - torch.log(torch.exp(z).sum(dim=dim, keepdim=True))
