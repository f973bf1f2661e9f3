import torch
import torch.nn.functional as F


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih=None, bias_hh=None):
    # Each gate from its own slices of the weights, biases added inside F.linear.
    gates = []
    for w_i, w_h, b_i, b_h in zip(weight_ih.chunk(4), weight_hh.chunk(4),
                                  bias_ih.chunk(4) if bias_ih is not None else [None] * 4,
                                  bias_hh.chunk(4) if bias_hh is not None else [None] * 4):
        gates.append(F.linear(h, w_h, b_h) + F.linear(x, w_i, b_i))
    i, f, g, o = gates
    c_new = torch.addcmul(torch.sigmoid(i) * torch.tanh(g), torch.sigmoid(f), c)
    return torch.sigmoid(o) * torch.tanh(c_new), c_new
