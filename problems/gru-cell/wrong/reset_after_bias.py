import torch


def gru_cell(x, h, weight_ih, weight_hh, bias_ih=None, bias_hh=None):
    hidden = h.shape[-1]
    b_ih = bias_ih if bias_ih is not None else x.new_zeros(3 * hidden)
    b_hh = bias_hh if bias_hh is not None else x.new_zeros(3 * hidden)
    i_r, i_z, i_n = (x @ weight_ih.T + b_ih).chunk(3, dim=-1)
    h_r, h_z, h_n = (h @ weight_hh.T).chunk(3, dim=-1)
    b_hr, b_hz, b_hn = b_hh.chunk(3)
    r = torch.sigmoid(i_r + h_r + b_hr)
    z = torch.sigmoid(i_z + h_z + b_hz)
    n = torch.tanh(i_n + r * h_n + b_hn)  # wrong: b_hn is inside the reset gate in nn.GRUCell
    return (1 - z) * n + z * h
