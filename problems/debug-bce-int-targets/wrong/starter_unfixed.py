import torch
from torch import nn


def train_multilabel(model, x, labels, steps, lr):
    """Train `model` for multi-label tagging with full-batch SGD; return the losses and the final tags."""
    loss_function = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        output = model(x)
        loss = loss_function(output, labels)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    with torch.no_grad():
        predictions = torch.argmax(model(x), dim=1)
    return {"losses": torch.tensor(losses, device=x.device), "predictions": predictions}
