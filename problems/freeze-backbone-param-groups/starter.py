import torch.nn as nn


def configure_finetuning(model: nn.ModuleDict, num_unfrozen: int, head_lr: float, backbone_lr: float,
                         weight_decay: float) -> list[dict]:
    """Freeze what must not train and return AdamW parameter groups for the rest."""
    raise NotImplementedError
