import torch
from torch import nn
from torch.nn.modules.batchnorm import _NormBase

NORM_TYPES = (nn.LayerNorm, nn.GroupNorm, nn.RMSNorm, _NormBase)


def decayed_parameters(model: nn.Module) -> list[torch.Tensor]:
    kept = []
    for module in model.modules():
        if isinstance(module, NORM_TYPES):
            continue
        for name, p in module.named_parameters(recurse=False):
            if name != "bias":
                kept.append(p)
    return kept


def l2_penalty(model: nn.Module, lam: float) -> torch.Tensor:
    params = decayed_parameters(model)
    first = next(model.parameters())
    total = torch.zeros((), dtype=first.dtype, device=first.device)
    for p in params:
        total = total + (p * p).sum()
    return 0.5 * lam * total
