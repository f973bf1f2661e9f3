import torch


def roc_auc(scores: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    n = scores.numel()
    pos = labels.bool()
    n_pos = int(pos.sum())
    n_neg = n - n_pos
    if n_pos == 0 or n_neg == 0:
        return torch.tensor(0.5, dtype=torch.float64, device=scores.device)
    # Midranks: tied scores share the average of the 1-based ranks they span.
    _, inverse, counts = torch.unique(scores, sorted=True, return_inverse=True, return_counts=True)
    counts = counts.double()
    ends = counts.cumsum(0)  # rank of the last element in each tie group
    mid = ends - (counts - 1) / 2
    ranks = mid[inverse]
    rank_sum = ranks[pos].sum()
    u = rank_sum - n_pos * (n_pos + 1) / 2  # Mann-Whitney U of the positives
    return u / (n_pos * n_neg)
