import torch


def causal_lm_loss(logits: torch.Tensor, labels: torch.Tensor, ignore_index: int = -100) -> torch.Tensor:
    # By hand: logsumexp minus the target logit, masked, then one mean over the counted tokens.
    work = logits if logits.dtype == torch.float64 else logits.float()
    pred = work[:, :-1]
    target = labels[:, 1:]
    keep = target != ignore_index
    safe = torch.where(keep, target, torch.zeros_like(target))
    nll = torch.logsumexp(pred, dim=-1) - pred.gather(-1, safe.unsqueeze(-1)).squeeze(-1)
    nll = torch.where(keep, nll, torch.zeros_like(nll))
    return nll.sum() / keep.sum().clamp(min=1).to(nll.dtype)
