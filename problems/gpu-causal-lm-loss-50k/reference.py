import torch
import torch.nn.functional as F


def causal_lm_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    vocab = logits.shape[-1]
    shifted = logits[:, :-1].reshape(-1, vocab).float()  # position t predicts token t + 1
    return F.cross_entropy(shifted, labels[:, 1:].reshape(-1), ignore_index=-100)
