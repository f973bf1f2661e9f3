import torch
import torch.nn.functional as F


def causal_lm_loss(logits: torch.Tensor, labels: torch.Tensor, ignore_index: int = -100) -> torch.Tensor:
    if logits.dtype != torch.float64:
        logits = logits.float()  # half-precision logits lose too much in log-softmax
    vocab = logits.shape[-1]
    # Position t predicts token t + 1: drop the last prediction and the first label.
    pred = logits[:, :-1, :].reshape(-1, vocab)
    target = labels[:, 1:].reshape(-1)
    total = F.cross_entropy(pred, target, ignore_index=ignore_index, reduction="sum")
    count = (target != ignore_index).sum().clamp(min=1)
    return total / count
