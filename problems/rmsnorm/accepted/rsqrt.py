import torch


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    # Same maths with rsqrt and a multiplication: rounds differently from a division, and must still pass.
    work = x.to(torch.float64 if x.dtype == torch.float64 else torch.float32)
    inv = torch.rsqrt((work * work).sum(dim=-1, keepdim=True) / x.shape[-1] + eps)
    return (work * inv).to(x.dtype) * weight
