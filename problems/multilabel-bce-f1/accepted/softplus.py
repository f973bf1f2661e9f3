import torch
import torch.nn.functional as F


def multilabel_metrics(logits, targets, thresholds):
    loss = (F.softplus(logits) - logits * targets).mean()  # log(1 + e^z) - z*y, stable
    preds = torch.sigmoid(logits) >= thresholds
    truth = targets > 0.5
    tp = (preds & truth).sum(dim=0).to(logits.dtype)
    fp = (preds & ~truth).sum(dim=0).to(logits.dtype)
    fn = (~preds & truth).sum(dim=0).to(logits.dtype)
    per_class = torch.nan_to_num(tp / (tp + 0.5 * (fp + fn)), nan=0.0)
    micro = torch.nan_to_num(tp.sum() / (tp.sum() + 0.5 * (fp.sum() + fn.sum())), nan=0.0)
    return {"loss": loss, "preds": preds, "per_class_f1": per_class, "micro_f1": micro, "macro_f1": per_class.mean()}
