import torch
import torch.nn.functional as F


def causal_lm_loss(logits: torch.Tensor, labels: torch.Tensor, ignore_index: int = -100) -> torch.Tensor:
    if logits.dtype != torch.float64:
        logits = logits.float()
    pred = logits[:, 1:, :].reshape(-1, logits.shape[-1])  # wrong: predicts the previous token
    target = labels[:, :-1].reshape(-1)
    total = F.cross_entropy(pred, target, ignore_index=ignore_index, reduction="sum")
    return total / (target != ignore_index).sum().clamp(min=1)
