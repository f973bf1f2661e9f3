import torch


def mean_pool(last_hidden_state: torch.Tensor, attention_mask: torch.Tensor, normalize: bool = False) -> torch.Tensor:
    weights = attention_mask.to(last_hidden_state.dtype).unsqueeze(-1)  # (B, L, 1): 1 = real token
    summed = (last_hidden_state * weights).sum(dim=1)  # (B, H)
    counts = weights.sum(dim=1).clamp_min(1.0)  # a row without tokens divides 0 by 1 -> zeros
    pooled = summed / counts
    if normalize:
        norms = pooled.norm(dim=-1, keepdim=True).clamp_min(1e-12)
        pooled = pooled / norms
    return pooled
