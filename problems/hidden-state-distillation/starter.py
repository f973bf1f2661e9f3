import torch
from torch import nn


def hidden_distillation_loss(student_hidden: list[torch.Tensor], teacher_hidden: list[torch.Tensor], proj: nn.Linear,
                             layer_map: list[tuple[int, int]], attention_mask: torch.Tensor) -> torch.Tensor:
    """Mean over the (student layer, teacher layer) pairs of the masked MSE between proj(student) and teacher."""
    raise NotImplementedError
