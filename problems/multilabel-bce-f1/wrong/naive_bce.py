import torch


def multilabel_metrics(logits: torch.Tensor, targets: torch.Tensor, thresholds: torch.Tensor) -> dict:
    # Stable BCE with logits: max(z, 0) - z*y + log(1 + exp(-|z|)); never exponentiates a positive number.
    p = torch.sigmoid(logits)
    loss = -(targets * torch.log(p) + (1 - targets) * torch.log(1 - p)).mean()

    preds = torch.sigmoid(logits) >= thresholds
    truth = targets > 0.5
    tp = (preds & truth).sum(dim=0)
    fp = (preds & ~truth).sum(dim=0)
    fn = (~preds & truth).sum(dim=0)

    def f1(tp, fp, fn):
        denom = (2 * tp + fp + fn).to(logits.dtype)
        # No positives and no predictions: F1 is defined as 0.
        return torch.where(denom > 0, 2 * tp.to(logits.dtype) / denom.clamp(min=1), torch.zeros_like(denom))

    per_class = f1(tp, fp, fn)
    micro = f1(tp.sum(), fp.sum(), fn.sum())
    macro = per_class.mean()
    return {"loss": loss, "preds": preds, "per_class_f1": per_class, "micro_f1": micro, "macro_f1": macro}
