import torch
from torch.optim import Adam


def adam_steps(params, grads, lr, beta1, beta2, eps, weight_decay):
    params = [p.clone().requires_grad_(True) for p in params]
    opt = Adam(params, lr=lr, betas=(beta1, beta2), eps=eps, weight_decay=weight_decay)
    for step in grads:
        for p, g in zip(params, step):
            p.grad = g.clone()
        opt.step()
    state = [opt.state[p] for p in params]
    return {"params": [p.detach() for p in params], "exp_avg": [s["exp_avg"] for s in state],
            "exp_avg_sq": [s["exp_avg_sq"] for s in state]}
