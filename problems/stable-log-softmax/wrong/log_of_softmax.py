import torch


def log_softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    # A stable softmax, then its log: fine for moderate logits, -inf for tiny probabilities.
    shift = x.amax(dim=dim, keepdim=True)
    shift = torch.where(torch.isfinite(shift), shift, torch.zeros_like(shift))
    e = torch.exp(x - shift)
    return torch.log(e / e.sum(dim=dim, keepdim=True))
