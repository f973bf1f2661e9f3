import torch


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih=None, bias_hh=None):
    hidden = h.shape[-1]
    z = torch.addmm(h @ weight_hh.T, x, weight_ih.T)
    for bias in (bias_ih, bias_hh):
        if bias is not None:
            z = z + bias
    # Tensor.split goes through torch._VF.split inside torch: an honest split must not trip the forbid list.
    i, f, g, o = z.split(hidden, dim=-1)
    c_new = f.sigmoid() * c + i.sigmoid() * g.tanh()
    return o.sigmoid() * c_new.tanh(), c_new
