import torch
from torch import nn


def transfer_logits(model: nn.Module, num_classes: int, head_weight: torch.Tensor, head_bias: torch.Tensor,
                    images: torch.Tensor) -> tuple[torch.Tensor, int]:
    """Give the ResNet-18 `model` a new num_classes head, freeze the rest, and return (logits, #trainable)."""
    raise NotImplementedError
