import torch


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih=None, bias_hh=None):
    return torch.lstm_cell(x, (h, c), weight_ih, weight_hh, bias_ih, bias_hh)
