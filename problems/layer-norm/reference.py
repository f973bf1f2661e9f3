import torch
import torch.nn.functional as F


def layer_norm(
    x: torch.Tensor,
    normalized_shape: list[int],
    weight: torch.Tensor | None = None,
    bias: torch.Tensor | None = None,
    eps: float = 1e-5,
) -> torch.Tensor:
    # The exact answer: PyTorch's layer norm evaluated in float64, rounded once to x's dtype.
    weight = None if weight is None else weight.double()
    bias = None if bias is None else bias.double()
    y = F.layer_norm(x.double(), list(normalized_shape), weight, bias, eps)
    return y.to(x.dtype)
