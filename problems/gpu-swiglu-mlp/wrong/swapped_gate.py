import torch.nn.functional as F


def swiglu_mlp(x, w_gate, w_up, w_down):
    hidden = ((x @ w_gate.T).float() * F.silu((x @ w_up.T).float())).to(x.dtype)
    return hidden @ w_down.T
