import torch


def fairness_gaps(y_pred, y_true, group):
    pred, true, g = y_pred.double(), y_true.double(), group.double()
    # Means over empty subsets are NaN; no special cases.
    rate1 = pred[g == 1].mean()
    rate0 = pred[g == 0].mean()
    tpr1 = pred[(g == 1) & (true == 1)].mean()
    tpr0 = pred[(g == 0) & (true == 1)].mean()
    return {
        "demographic_parity_difference": float(rate1 - rate0),
        "equal_opportunity_difference": float(tpr1 - tpr0),
        "disparate_impact_ratio": float(rate1 / rate0),
    }
