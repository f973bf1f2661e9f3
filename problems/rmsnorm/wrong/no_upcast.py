import torch


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    # wrong: squares in the input dtype; float16 overflows past 256
    return weight * x / torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps)
