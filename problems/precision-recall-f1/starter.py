import torch


def classification_report(y_true: torch.Tensor, y_pred: torch.Tensor, num_classes: int) -> dict:
    """Per-class precision, recall, F1 and support, plus the support-weighted F1."""
    raise NotImplementedError
