import torch


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih=None, bias_hh=None):
    z = x @ weight_ih.T + h @ weight_hh.T
    if bias_ih is not None:
        z = z + bias_ih
    if bias_hh is not None:
        z = z + bias_hh
    zi, zf, zg, zo = z.chunk(4, dim=-1)
    c_new = torch.sigmoid(zf) * c + torch.sigmoid(zi) * torch.tanh(zg)
    h_new = torch.sigmoid(zo) * torch.tanh(c_new)
    return h_new, c_new
