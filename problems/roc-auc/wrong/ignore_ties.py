import torch


def roc_auc(scores: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    n = scores.numel()
    pos = labels.bool()
    n_pos = int(pos.sum())
    n_neg = n - n_pos
    if n_pos == 0 or n_neg == 0:
        return torch.tensor(0.5, dtype=torch.float64, device=scores.device)
    # Ranks from the sort order: tied scores get distinct, arbitrary ranks.
    order = torch.argsort(scores)
    ranks = torch.empty(n, dtype=torch.float64, device=scores.device)
    ranks[order] = torch.arange(1, n + 1, dtype=torch.float64, device=scores.device)
    u = ranks[pos].sum() - n_pos * (n_pos + 1) / 2
    return u / (n_pos * n_neg)
