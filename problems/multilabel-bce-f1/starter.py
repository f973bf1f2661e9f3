import torch


def multilabel_metrics(logits: torch.Tensor, targets: torch.Tensor, thresholds: torch.Tensor) -> dict:
    """Return {"loss", "preds", "per_class_f1", "micro_f1", "macro_f1"} for multi-label predictions."""
    raise NotImplementedError
