def l2_penalty(model, lam):
    total = 0.0
    for name, p in model.named_parameters():
        if not name.endswith("bias"):
            total = total + (p * p).sum()
    return 0.5 * lam * total
