import torch


def top_k_top_p_filter(logits: torch.Tensor, top_k: int, top_p: float) -> torch.Tensor:
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True, stable=True)
    remove = torch.zeros_like(sorted_logits, dtype=torch.bool)
    if 0 < top_k < logits.shape[-1]:
        remove[..., top_k:] = True
    if top_p < 1.0:
        probs = torch.softmax(sorted_logits.masked_fill(remove, float("-inf")), dim=-1)
        remove |= probs.cumsum(dim=-1) > top_p
    mask = torch.zeros_like(remove).scatter(-1, order, remove)
    return logits.masked_fill(mask, float("-inf"))
