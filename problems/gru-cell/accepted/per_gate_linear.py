import torch
import torch.nn.functional as F


def gru_cell(x, h, weight_ih, weight_hh, bias_ih=None, bias_hh=None):
    # One F.linear per gate and an addcmul for the interpolation: another rounding of the same formula.
    hidden = h.shape[-1]
    w_i = weight_ih.split(hidden)
    w_h = weight_hh.split(hidden)
    b_i = bias_ih.split(hidden) if bias_ih is not None else (None,) * 3
    b_h = bias_hh.split(hidden) if bias_hh is not None else (None,) * 3
    r = torch.sigmoid(F.linear(x, w_i[0], b_i[0]) + F.linear(h, w_h[0], b_h[0]))
    z = torch.sigmoid(F.linear(x, w_i[1], b_i[1]) + F.linear(h, w_h[1], b_h[1]))
    n = torch.tanh(F.linear(x, w_i[2], b_i[2]) + r * F.linear(h, w_h[2], b_h[2]))
    return torch.addcmul(n, z, h - n)  # n + z * (h - n) = (1 - z) * n + z * h
