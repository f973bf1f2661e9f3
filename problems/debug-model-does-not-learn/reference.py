import torch
from torch import nn


def train(model, data, targets, steps, lr):
    """Fit `model` to (data, targets) with full-batch SGD; return the loss of every step."""
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()  # clear last step's gradients *before* computing new ones
        outputs = model(data).squeeze(-1)  # (N, 1) -> (N,), the shape of `targets`
        loss = loss_fn(outputs, targets)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
