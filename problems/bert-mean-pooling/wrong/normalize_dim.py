import torch
import torch.nn.functional as F


def mean_pool(last_hidden_state, attention_mask, normalize=False):
    m = attention_mask.unsqueeze(-1).to(last_hidden_state.dtype)
    pooled = (last_hidden_state * m).sum(1) / torch.clamp(m.sum(1), min=1e-9)
    if normalize:
        pooled = F.normalize(pooled, p=2, dim=0)  # wrong: normalizes across the batch
    return pooled
