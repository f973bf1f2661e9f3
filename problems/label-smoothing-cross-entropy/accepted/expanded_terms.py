import torch


def label_smoothing_cross_entropy(logits, target, eps, ignore_index=-100):
    # loss_i = lse_i - (1 - eps) * z_i[y_i] - eps * mean_j z_ij: the same terms, summed in another order.
    keep = target != ignore_index
    lse = torch.logsumexp(logits, dim=-1)
    safe = target.clamp(min=0) * keep
    picked = logits.gather(-1, safe[:, None]).squeeze(-1)
    per_example = lse - (1.0 - eps) * picked - eps * logits.mean(dim=-1)
    return (per_example * keep).sum() / keep.sum()
