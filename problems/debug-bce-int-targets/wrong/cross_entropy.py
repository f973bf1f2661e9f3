import torch
from torch import nn


def train_multilabel(model, x, labels, steps, lr):
    """Train `model` for multi-label tagging with full-batch SGD; return the losses and the final tags."""
    loss_function = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    targets = labels.to(x.dtype)  # BCE needs float targets of the logits' dtype: 0/1 per label
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        output = model(x)
        loss = loss_function(output, targets)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    with torch.no_grad():
        # Each label is an independent yes/no: sigmoid(logit) > 0.5, i.e. logit > 0.
        predictions = (model(x) > 0).long()
    return {"losses": torch.tensor(losses, dtype=torch.float64, device=x.device), "predictions": predictions}
