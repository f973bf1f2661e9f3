import torch


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    dims = tuple(range(-len(normalized_shape), 0))
    centered = x - x.mean(dim=dims, keepdim=True)  # two passes in x's own dtype
    y = centered * torch.rsqrt(centered.square().mean(dim=dims, keepdim=True) + eps)
    if weight is not None:
        y = torch.addcmul(bias if bias is not None else torch.zeros_like(y), y, weight)
    elif bias is not None:
        y = y + bias
    return y
