import torch


def roc_auc(scores: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Area under the ROC curve of `scores` for binary `labels`, ties counting 1/2; a float64 0-dim tensor."""
    raise NotImplementedError
