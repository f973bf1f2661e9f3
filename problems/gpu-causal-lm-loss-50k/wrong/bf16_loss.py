import torch.nn.functional as F


def causal_lm_loss(logits, labels):
    vocab = logits.shape[-1]
    loss = F.cross_entropy(logits[:, :-1].reshape(-1, vocab), labels[:, 1:].reshape(-1), ignore_index=-100)
    return loss.float()  # computed in bfloat16, converted too late
