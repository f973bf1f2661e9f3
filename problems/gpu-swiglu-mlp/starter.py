import torch


def swiglu_mlp(x: torch.Tensor, w_gate: torch.Tensor, w_up: torch.Tensor, w_down: torch.Tensor) -> torch.Tensor:
    """(SiLU(x @ w_gate.T) * (x @ w_up.T)) @ w_down.T in bfloat16."""
    raise NotImplementedError
