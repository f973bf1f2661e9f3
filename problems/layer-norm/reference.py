import torch


def layer_norm(
    x: torch.Tensor,
    normalized_shape: list[int],
    weight: torch.Tensor | None = None,
    bias: torch.Tensor | None = None,
    eps: float = 1e-5,
) -> torch.Tensor:
    # The exact answer: a two-pass layer norm evaluated in float64, rounded once to x's dtype.
    dims = tuple(range(-len(normalized_shape), 0))
    xd = x.double()
    centered = xd - xd.mean(dim=dims, keepdim=True)
    y = centered / torch.sqrt((centered * centered).mean(dim=dims, keepdim=True) + eps)
    if weight is not None:
        y = y * weight.double()
    if bias is not None:
        y = y + bias.double()
    return y.to(x.dtype)
