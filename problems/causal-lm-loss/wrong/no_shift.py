import torch
import torch.nn.functional as F


def causal_lm_loss(logits: torch.Tensor, labels: torch.Tensor, ignore_index: int = -100) -> torch.Tensor:
    if logits.dtype != torch.float64:
        logits = logits.float()
    target = labels.reshape(-1)  # wrong: no shift, each position is scored on its own input token
    total = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), target, ignore_index=ignore_index, reduction="sum")
    return total / (target != ignore_index).sum().clamp(min=1)
