import torch
import torch.nn.functional as F


def swiglu_mlp(x: torch.Tensor, w_gate: torch.Tensor, w_up: torch.Tensor, w_down: torch.Tensor) -> torch.Tensor:
    gate, up = x @ w_gate.T, x @ w_up.T
    hidden = (F.silu(gate.float()) * up.float()).to(x.dtype)
    return hidden @ w_down.T
