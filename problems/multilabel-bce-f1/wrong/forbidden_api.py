import torch
from torch import nn

from_torch = nn.functional


def multilabel_metrics(logits, targets, thresholds):
    loss = from_torch.binary_cross_entropy_with_logits(logits, targets)
    preds = torch.sigmoid(logits) >= thresholds
    truth = targets > 0.5
    tp = (preds & truth).sum(dim=0).to(logits.dtype)
    fp = (preds & ~truth).sum(dim=0).to(logits.dtype)
    fn = (~preds & truth).sum(dim=0).to(logits.dtype)
    denom = 2 * tp + fp + fn
    per_class = torch.where(denom > 0, 2 * tp / denom.clamp(min=1), torch.zeros_like(denom))
    d = 2 * tp.sum() + fp.sum() + fn.sum()
    micro = 2 * tp.sum() / d if d > 0 else d * 0
    return {"loss": loss, "preds": preds, "per_class_f1": per_class, "micro_f1": micro,
            "macro_f1": per_class.mean()}
