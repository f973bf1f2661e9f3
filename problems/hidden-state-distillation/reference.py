import torch
from torch import nn


def hidden_distillation_loss(student_hidden: list[torch.Tensor], teacher_hidden: list[torch.Tensor], proj: nn.Linear,
                             layer_map: list[tuple[int, int]], attention_mask: torch.Tensor) -> torch.Tensor:
    mask = attention_mask.to(student_hidden[0].dtype)[..., None]          # (B, T, 1): 1 for real tokens
    # Every real token of every sequence weighs the same, whatever its sequence's length.
    denom = mask.sum() * teacher_hidden[0].shape[-1]
    losses = []
    for s, t in layer_map:
        target = teacher_hidden[t].detach()                               # the teacher is not trained
        diff = (proj(student_hidden[s]) - target) * mask                  # padding contributes nothing
        losses.append((diff * diff).sum() / denom)
    return torch.stack(losses).mean()
