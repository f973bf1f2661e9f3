import torch
import torch.nn.functional as F


def train_multilabel(model, x, labels, steps, lr):
    """The functional loss, targets cast inside the loop, predictions by sigmoid probability."""
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = torch.empty(steps, dtype=torch.float64)
    for step in range(steps):
        logits = model(x)
        loss = F.binary_cross_entropy_with_logits(logits, labels.type_as(logits))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        losses[step] = loss.detach().double()
    with torch.inference_mode():
        predictions = (torch.sigmoid(model(x)) > 0.5).to(torch.int64)
    return {"losses": losses, "predictions": predictions}
