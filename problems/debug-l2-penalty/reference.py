import torch.nn.functional as F


def regularized_loss(model, x, targets, weight_decay):
    logits = model(x)
    loss = F.cross_entropy(logits, targets)
    l2 = sum((p * p).sum() for p in model.parameters())
    return loss + 0.5 * weight_decay * l2
