import torch


def label_smoothing_cross_entropy(logits: torch.Tensor, target: torch.Tensor, eps: float,
                                  ignore_index: int = -100) -> torch.Tensor:
    log_p = logits - torch.logsumexp(logits, dim=-1, keepdim=True)
    keep = target != ignore_index
    safe_target = torch.where(keep, target, torch.zeros_like(target))
    nll = -log_p.gather(-1, safe_target.unsqueeze(-1)).squeeze(-1)
    smooth = -log_p.mean(dim=-1)
    per_example = (1.0 - eps) * nll + eps * smooth
    per_example = torch.where(keep, per_example, torch.zeros_like(per_example))
    return per_example.sum() / keep.sum().to(logits.dtype)
