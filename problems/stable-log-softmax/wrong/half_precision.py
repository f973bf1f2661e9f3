import torch


def log_softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    h = x.half()
    shift = h.amax(dim=dim, keepdim=True)
    shift = torch.where(torch.isfinite(shift), shift, torch.zeros_like(shift))
    z = h - shift
    return (z - z.exp().sum(dim=dim, keepdim=True).log()).to(x.dtype)
