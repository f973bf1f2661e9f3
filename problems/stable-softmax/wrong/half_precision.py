import torch


def softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    h = x.half()
    h = h - h.amax(dim=dim, keepdim=True)
    e = h.exp()
    return (e / e.sum(dim=dim, keepdim=True)).to(x.dtype)
