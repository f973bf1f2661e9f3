import torch
import torch.nn.functional as F


def causal_lm_loss(logits: torch.Tensor, labels: torch.Tensor, ignore_index: int = -100) -> torch.Tensor:
    if logits.dtype != torch.float64:
        logits = logits.float()
    pred = logits[:, :-1]
    target = labels[:, 1:]
    nll = F.cross_entropy(pred.transpose(1, 2), target, ignore_index=ignore_index, reduction="none")  # (B, L-1)
    counts = (target != ignore_index).sum(dim=1)
    per_sequence = nll.sum(dim=1) / counts.clamp(min=1)
    # wrong: every sequence weighs the same, however many tokens it has
    return per_sequence[counts > 0].mean() if bool((counts > 0).any()) else nll.sum() * 0
