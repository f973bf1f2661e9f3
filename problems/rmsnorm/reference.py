import torch


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    # float64 stays float64; every narrower dtype is upcast, as LLaMA's RMSNorm does, so squares cannot overflow.
    work = x if x.dtype == torch.float64 else x.float()
    normed = work / torch.sqrt(work.pow(2).mean(dim=-1, keepdim=True) + eps)
    return weight * normed.to(x.dtype)
