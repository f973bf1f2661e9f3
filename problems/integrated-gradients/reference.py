import torch
from torch import nn


def integrated_gradients(
    model: nn.Module, x: torch.Tensor, baseline: torch.Tensor, target: torch.Tensor, steps: int
) -> torch.Tensor:
    b = x.shape[0]
    x = x.detach()
    baseline = baseline.detach()
    delta = x - baseline
    # Midpoint rule: alpha_k = (k + 0.5) / m, k = 0..m-1.
    alphas = (torch.arange(steps, dtype=x.dtype, device=x.device) + 0.5) / steps
    alphas = alphas.view(steps, *([1] * x.dim()))
    # All m*B interpolated points in one batch: [m, B, ...] -> [m*B, ...].
    points = (baseline.unsqueeze(0) + alphas * delta.unsqueeze(0)).reshape(steps * b, *x.shape[1:])
    points.requires_grad_(True)
    logits = model(points)
    idx = target.repeat(steps)
    selected = logits.gather(1, idx.unsqueeze(1)).sum()
    (grads,) = torch.autograd.grad(selected, points)
    avg = grads.view(steps, *x.shape).mean(dim=0)
    return delta * avg
