import torch


def roc_auc(scores: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    pos = labels.bool()
    p = scores[pos].double()
    q = scores[~pos].double()
    if p.numel() == 0 or q.numel() == 0:
        return torch.tensor(0.5, dtype=torch.float64, device=scores.device)
    # Counts only strictly correctly ordered pairs; ties contribute nothing instead of 1/2.
    sorted_neg = torch.sort(q).values
    below = torch.searchsorted(sorted_neg, p, side="left").double()
    return below.sum() / (p.numel() * q.numel())
