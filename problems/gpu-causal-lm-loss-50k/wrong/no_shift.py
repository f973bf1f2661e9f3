import torch.nn.functional as F


def causal_lm_loss(logits, labels):
    vocab = logits.shape[-1]
    return F.cross_entropy(logits.reshape(-1, vocab).float(), labels.reshape(-1), ignore_index=-100)
