import math

import torch


def adam_steps(params: list, grads: list, lr: float, beta1: float, beta2: float, eps: float,
               weight_decay: float) -> dict:
    params = [p.clone() for p in params]
    exp_avg = [torch.zeros_like(p, dtype=torch.float16) for p in params]
    exp_avg_sq = [torch.zeros_like(p, dtype=torch.float16) for p in params]
    for t, step_grads in enumerate(grads, start=1):
        bias1 = 1 - beta1 ** t
        bias2 = 1 - beta2 ** t
        for p, g, m, v in zip(params, step_grads, exp_avg, exp_avg_sq):
            if weight_decay != 0:
                g = g + weight_decay * p  # L2 penalty folded into the gradient (not AdamW)
            m.mul_(beta1).add_(g, alpha=1 - beta1)
            v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
            denom = v.sqrt() / math.sqrt(bias2) + eps
            p.addcdiv_(m, denom, value=-lr / bias1)
    exp_avg = [m.to(p.dtype) for m, p in zip(exp_avg, params)]
    exp_avg_sq = [v.to(p.dtype) for v, p in zip(exp_avg_sq, params)]
    return {"params": params, "exp_avg": exp_avg, "exp_avg_sq": exp_avg_sq}
