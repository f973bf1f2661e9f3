import torch


def _ratio(num: int, den: int) -> float:
    return num / den if den > 0 else 0.0


def fairness_gaps(y_pred: torch.Tensor, y_true: torch.Tensor, group: torch.Tensor) -> dict:
    pred = y_pred.bool()
    true = y_true.bool()
    g1 = group.bool()
    g0 = ~g1
    # Integer counts: exact for any N, whatever the input dtype.
    n1, n0 = int(g1.sum()), int(g0.sum())
    pos_pred1, pos_pred0 = int((pred & g1).sum()), int((pred & g0).sum())
    real1, real0 = int((true & g1).sum()), int((true & g0).sum())
    tp1, tp0 = int((pred & true & g1).sum()), int((pred & true & g0).sum())
    rate1, rate0 = _ratio(pos_pred1, n1), _ratio(pos_pred0, n0)
    tpr1, tpr0 = _ratio(tp1, real1), _ratio(tp0, real0)
    return {
        "demographic_parity_difference": rate1 - rate0,
        "equal_opportunity_difference": tpr1 - tpr0,
        "disparate_impact_ratio": rate1 / rate0 if rate0 > 0 else 0.0,
    }
