import torch


def label_smoothing_cross_entropy(logits, target, eps, ignore_index=-100):
    p = torch.exp(logits) / torch.exp(logits).sum(-1, keepdim=True)
    log_p = torch.log(p)
    keep = target != ignore_index
    t = torch.where(keep, target, torch.zeros_like(target))
    per = (1 - eps) * -log_p.gather(-1, t.unsqueeze(-1)).squeeze(-1) + eps * -log_p.mean(-1)
    return torch.where(keep, per, torch.zeros_like(per)).sum() / keep.sum()
