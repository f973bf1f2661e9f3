import math

import torch


def _keep_mask(flat_abs: torch.Tensor, sparsity: float) -> torch.Tensor:
    k = math.floor(sparsity * flat_abs.numel())
    if k == 0:
        return torch.ones(flat_abs.numel(), dtype=torch.bool, device=flat_abs.device)
    threshold = torch.sort(flat_abs).values[k - 1]
    return flat_abs > threshold


def magnitude_prune(weights: list, sparsity: float, scope: str) -> list:
    if scope == "layer":
        return [_keep_mask(w.abs().reshape(-1), sparsity).reshape(w.shape) for w in weights]
    flat = torch.cat([w.abs().reshape(-1).double() for w in weights])
    keep = _keep_mask(flat, sparsity)
    return [m.reshape(w.shape) for m, w in zip(keep.split([w.numel() for w in weights]), weights)]
