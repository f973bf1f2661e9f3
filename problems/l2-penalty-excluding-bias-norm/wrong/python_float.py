from torch import nn
from torch.nn.modules.batchnorm import _NormBase


def l2_penalty(model, lam):
    total = 0.0
    for module in model.modules():
        if isinstance(module, (nn.LayerNorm, nn.GroupNorm, nn.RMSNorm, _NormBase)):
            continue
        for name, p in module.named_parameters(recurse=False):
            if name != "bias":
                total += float((p * p).sum())
    return 0.5 * lam * total
