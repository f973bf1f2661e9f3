def l2_penalty(model, lam):
    total = 0.0
    for p in model.parameters():
        if p.ndim >= 2:
            total = total + (p * p).sum()
    return 0.5 * lam * total
