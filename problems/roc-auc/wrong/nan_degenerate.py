import torch


def roc_auc(scores: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    n = scores.numel()
    pos = labels.bool()
    n_pos = int(pos.sum())
    n_neg = n - n_pos
    _, inverse, counts = torch.unique(scores, sorted=True, return_inverse=True, return_counts=True)
    counts = counts.double()
    mid = counts.cumsum(0) - (counts - 1) / 2
    u = mid[inverse][pos].sum() - n_pos * (n_pos + 1) / 2
    return u / torch.tensor(float(n_pos * n_neg), dtype=torch.float64, device=scores.device)
