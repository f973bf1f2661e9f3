import torch
import torch.nn.functional as F


def mlp_loss_and_grads(x, targets, w1, b1, w2, b2):
    """Same maths in a different order: logsumexp, a one-hot matrix, and torch.addmm."""
    n = x.shape[0]
    a1 = torch.tanh(torch.addmm(b1, x, w1.T))
    z2 = torch.addmm(b2, a1, w2.T)
    onehot = F.one_hot(targets, z2.shape[1]).to(z2.dtype)
    lse = torch.logsumexp(z2, dim=1)
    loss = (lse - (z2 * onehot).sum(1)).sum() / n
    dz2 = (torch.exp(z2 - lse[:, None]) - onehot) * (1.0 / n)
    dz1 = torch.mm(dz2, w2) * (1.0 - a1.pow(2))
    return {"loss": loss, "w1": torch.mm(dz1.T, x), "b1": dz1.sum(0), "w2": torch.mm(dz2.T, a1), "b2": dz2.sum(0)}
