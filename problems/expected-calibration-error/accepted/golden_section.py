import math

import torch
import torch.nn.functional as F


def _ece(logits, labels, n_bins):
    conf, pred = F.softmax(logits, dim=1).max(1)
    edges = torch.linspace(0, 1, n_bins + 1, dtype=conf.dtype)
    total = torch.zeros((), dtype=conf.dtype)
    for lo, hi in zip(edges[:-1], edges[1:]):
        mask = (conf > lo) & (conf <= hi)
        if mask.any():
            gap = (pred[mask] == labels[mask]).to(conf.dtype).mean() - conf[mask].mean()
            total += mask.sum() * gap.abs()
    return float(total / len(labels))


def calibrate(val_logits, val_labels, test_logits, test_labels, n_bins=15):
    """Golden-section search on log T (the NLL is unimodal in T), cross_entropy for the NLL."""
    def nll(log_t):
        return float(F.cross_entropy(val_logits / math.exp(log_t), val_labels))

    a, b = math.log(0.05), math.log(20.0)
    ratio = (math.sqrt(5) - 1) / 2
    c, d = b - ratio * (b - a), a + ratio * (b - a)
    fc, fd = nll(c), nll(d)
    while b - a > 1e-9:
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - ratio * (b - a)
            fc = nll(c)
        else:
            a, c, fc = c, d, fd
            d = a + ratio * (b - a)
            fd = nll(d)
    t = math.exp((a + b) / 2)
    return {"temperature": t, "ece_before": _ece(test_logits, test_labels, n_bins),
            "ece_after": _ece(test_logits / t, test_labels, n_bins)}
