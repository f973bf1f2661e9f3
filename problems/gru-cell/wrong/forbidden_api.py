import torch


def gru_cell(x, h, weight_ih, weight_hh, bias_ih=None, bias_hh=None):
    return torch.gru_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh)
