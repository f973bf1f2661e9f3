import torch


def label_smoothing_cross_entropy(logits, target, eps, ignore_index=-100):
    log_p = logits - torch.logsumexp(logits, -1, keepdim=True)
    keep = target != ignore_index
    t = torch.where(keep, target, torch.zeros_like(target))
    c = logits.shape[-1]
    q = torch.full_like(log_p, eps / (c - 1))
    q.scatter_(-1, t.unsqueeze(-1), 1 - eps)
    per = -(q * log_p).sum(-1)
    return torch.where(keep, per, torch.zeros_like(per)).sum() / keep.sum()
