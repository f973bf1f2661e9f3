import torch
import torch.nn.functional as F


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    """Both factors from the logits directly: log-sigmoids for the cross-entropy, sigmoid(-x) for 1 - p."""
    ce = -(targets * F.logsigmoid(inputs) + (1 - targets) * F.logsigmoid(-inputs))
    one_minus_pt = targets * torch.sigmoid(-inputs) + (1 - targets) * torch.sigmoid(inputs)
    loss = ce * one_minus_pt.pow(gamma)
    if alpha >= 0:
        loss = loss * torch.lerp(torch.full_like(targets, 1 - alpha), torch.full_like(targets, alpha), targets)
    return {"none": lambda t: t, "mean": torch.mean, "sum": torch.sum}[reduction](loss)
