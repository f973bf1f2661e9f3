import torch


def integrated_gradients(model, x, baseline, target, steps):
    total = torch.zeros_like(x)
    for k in range(steps):
        alpha = (k + 0.5) / steps
        point = (baseline + alpha * (x - baseline)).detach().requires_grad_(True)
        out = model(point).gather(1, target.unsqueeze(1)).sum()
        (grad,) = torch.autograd.grad(out, point)
        total += grad
    # Forgets to multiply by (x - baseline).
    return total / steps
