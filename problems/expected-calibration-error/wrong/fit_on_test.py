import torch


def ece(logits: torch.Tensor, labels: torch.Tensor, n_bins: int) -> float:
    """Expected calibration error with n_bins equal-width bins (lo, hi] over the top-class confidence."""
    probs = torch.softmax(logits, dim=1)
    confidence, prediction = probs.max(dim=1)
    correct = (prediction == labels).to(probs.dtype)
    bins = (torch.ceil(confidence * n_bins).long() - 1).clamp(0, n_bins - 1)
    count = torch.zeros(n_bins, dtype=probs.dtype, device=probs.device).index_add_(0, bins, torch.ones_like(confidence))
    conf_sum = torch.zeros_like(count).index_add_(0, bins, confidence)
    acc_sum = torch.zeros_like(count).index_add_(0, bins, correct)
    # sum_m |B_m|/N * |acc_m - conf_m| = sum_m |acc_sum_m - conf_sum_m| / N
    return float((acc_sum - conf_sum).abs().sum() / len(labels))


def fit_temperature(logits: torch.Tensor, labels: torch.Tensor, iters: int = 64) -> float:
    """argmin over T in [0.05, 20] of the NLL, by bisection on the derivative in beta = 1/T (convex)."""
    target = logits.gather(1, labels[:, None])[:, 0]

    def slope(beta: float) -> float:  # d NLL / d beta = mean(E_p[z] - z_y), increasing in beta
        p = torch.softmax(logits * beta, dim=1)
        return float(((p * logits).sum(1) - target).mean())

    lo, hi = 1 / 20, 1 / 0.05
    if slope(lo) >= 0:
        return 20.0
    if slope(hi) <= 0:
        return 0.05
    for _ in range(iters):
        mid = 0.5 * (lo + hi)
        if slope(mid) > 0:
            hi = mid
        else:
            lo = mid
    return 1 / (0.5 * (lo + hi))


def calibrate(val_logits, val_labels, test_logits, test_labels, n_bins=15):
    """Fit a softmax temperature on validation data; report the test ECE before and after scaling."""
    t = fit_temperature(test_logits, test_labels)  # the test labels leak in
    return {"temperature": t, "ece_before": ece(test_logits, test_labels, n_bins),
            "ece_after": ece(test_logits / t, test_labels, n_bins)}
