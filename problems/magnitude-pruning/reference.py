import math

import torch


def _keep_mask(flat_abs: torch.Tensor, sparsity: float) -> torch.Tensor:
    k = math.floor(sparsity * flat_abs.numel())
    order = torch.sort(flat_abs, stable=True).indices  # ties: lower flat index is pruned first
    keep = torch.ones(flat_abs.numel(), dtype=torch.bool, device=flat_abs.device)
    keep[order[:k]] = False
    return keep


def magnitude_prune(weights: list, sparsity: float, scope: str) -> list:
    if scope == "layer":
        return [_keep_mask(w.abs().reshape(-1), sparsity).reshape(w.shape) for w in weights]
    flat = torch.cat([w.abs().reshape(-1).double() for w in weights])
    keep = _keep_mask(flat, sparsity)
    return [m.reshape(w.shape) for m, w in zip(keep.split([w.numel() for w in weights]), weights)]
