import torch
import torch.nn.functional as F


def swiglu_mlp(x, w_gate, w_up, w_down):
    hidden = (F.silu((x @ w_gate.T).float()) * (x @ w_up.T).float()).to(x.dtype)
    acc = torch.zeros(x.shape[0], w_down.shape[0], dtype=x.dtype, device=x.device)
    for start in range(0, hidden.shape[1], 16):  # the running sum is kept in bfloat16
        acc = acc + hidden[:, start:start + 16] @ w_down[:, start:start + 16].T
    return acc
