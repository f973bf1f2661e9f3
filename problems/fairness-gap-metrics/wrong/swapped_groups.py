import torch


def fairness_gaps(y_pred, y_true, group):
    pred, true = y_pred.bool(), y_true.bool()
    # Treats group 0 as the protected group: every gap has the wrong sign and the ratio is inverted.
    g1 = ~group.bool()
    g0 = ~g1

    def ratio(a, b):
        return a / b if b > 0 else 0.0

    rate1 = ratio(int((pred & g1).sum()), int(g1.sum()))
    rate0 = ratio(int((pred & g0).sum()), int(g0.sum()))
    tpr1 = ratio(int((pred & true & g1).sum()), int((true & g1).sum()))
    tpr0 = ratio(int((pred & true & g0).sum()), int((true & g0).sum()))
    return {
        "demographic_parity_difference": rate1 - rate0,
        "equal_opportunity_difference": tpr1 - tpr0,
        "disparate_impact_ratio": rate1 / rate0 if rate0 > 0 else 0.0,
    }
