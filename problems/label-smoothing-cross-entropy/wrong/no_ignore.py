import torch


def label_smoothing_cross_entropy(logits, target, eps, ignore_index=-100):
    log_p = logits - torch.logsumexp(logits, -1, keepdim=True)
    keep = target != ignore_index
    per = (1 - eps) * -log_p.gather(-1, target.unsqueeze(-1)).squeeze(-1) + eps * -log_p.mean(-1)
    return (per * keep).sum() / keep.sum()
