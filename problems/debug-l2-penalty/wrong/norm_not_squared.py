import torch
import torch.nn.functional as F


def regularized_loss(model, x, targets, weight_decay):
    loss = F.cross_entropy(model(x), targets)
    l2 = torch.norm(torch.stack([p.norm() for p in model.parameters()]))
    return loss + 0.5 * weight_decay * l2
