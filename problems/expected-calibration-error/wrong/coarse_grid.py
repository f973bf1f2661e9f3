import torch
import torch.nn.functional as F


def _ece(logits, labels, n_bins):
    conf, pred = torch.softmax(logits, 1).max(1)
    bins = (torch.ceil(conf * n_bins).long() - 1).clamp(0, n_bins - 1)
    total = 0.0
    for m in range(n_bins):
        mask = bins == m
        if mask.any():
            total += float(mask.sum()) * abs(float((pred[mask] == labels[mask]).double().mean() - conf[mask].mean()))
    return total / len(labels)


def calibrate(val_logits, val_labels, test_logits, test_labels, n_bins=15):
    grid = [0.1 * k for k in range(1, 201)]  # T = 0.1, 0.2, ..., 20
    t = min(grid, key=lambda t: float(F.cross_entropy(val_logits / t, val_labels)))
    return {"temperature": t, "ece_before": _ece(test_logits, test_labels, n_bins),
            "ece_after": _ece(test_logits / t, test_labels, n_bins)}
