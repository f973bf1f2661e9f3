import torch


def rmsnorm_linear(x, gamma, weight, eps):
    xf = x.float()
    h = (xf / (xf.pow(2).mean(dim=-1, keepdim=True).sqrt() + eps)).to(x.dtype) * gamma
    return h @ weight.T
