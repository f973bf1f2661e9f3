import torch


def adam_steps(params, grads, lr, beta1, beta2, eps, weight_decay):
    # Bias-corrected moments first, then the step: the textbook order, rounded differently.
    params = [p.clone() for p in params]
    m = [torch.zeros_like(p) for p in params]
    v = [torch.zeros_like(p) for p in params]
    for t, step in enumerate(grads, start=1):
        for i, g in enumerate(step):
            g = g + weight_decay * params[i] if weight_decay else g
            m[i] = beta1 * m[i] + (1 - beta1) * g
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            m_hat = m[i] / (1 - beta1 ** t)
            v_hat = v[i] / (1 - beta2 ** t)
            params[i] = params[i] - lr * m_hat / (v_hat.sqrt() + eps)
    return {"params": params, "exp_avg": m, "exp_avg_sq": v}
