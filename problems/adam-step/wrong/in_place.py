import math

import torch


def adam_steps(params, grads, lr, beta1, beta2, eps, weight_decay):
    exp_avg = [torch.zeros_like(p) for p in params]
    exp_avg_sq = [torch.zeros_like(p) for p in params]
    for t, step_grads in enumerate(grads, start=1):
        for p, g, m, v in zip(params, step_grads, exp_avg, exp_avg_sq):
            if weight_decay != 0:
                g = g + weight_decay * p
            m.mul_(beta1).add_(g, alpha=1 - beta1)
            v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
            denom = v.sqrt() / math.sqrt(1 - beta2 ** t) + eps
            p.addcdiv_(m, denom, value=-lr / (1 - beta1 ** t))  # wrong: updates the caller's tensors
    return {"params": list(params), "exp_avg": exp_avg, "exp_avg_sq": exp_avg_sq}
