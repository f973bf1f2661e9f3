import torch
import torch.nn.functional as F


def perplexity(logits, input_ids, attention_mask):
    targets = input_ids[:, 1:].masked_fill(attention_mask[:, 1:] == 0, -100)
    nll = F.cross_entropy(logits[:, :-1].transpose(1, 2), targets, ignore_index=-100)
    return torch.exp(nll)
