import torch


def top_k_top_p_filter(logits: torch.Tensor, top_k: int, top_p: float) -> torch.Tensor:
    neg_inf = float("-inf")
    # One stable descending sort serves both filters; ties keep their vocabulary order.
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True, stable=True)
    remove = torch.zeros_like(sorted_logits, dtype=torch.bool)
    if 0 < top_k < logits.shape[-1]:
        remove[..., top_k:] = True
    if top_p < 1.0:
        # Renormalize over the top-k survivors (softmax is max-shifted, so large logits are safe).
        probs = torch.softmax(sorted_logits.masked_fill(remove, neg_inf), dim=-1)
        mass_before = probs.cumsum(dim=-1) - probs
        remove |= mass_before >= top_p
        remove[..., 0] = False  # the most likely token always survives
    mask = torch.zeros_like(remove).scatter(-1, order, remove)
    return logits.masked_fill(mask, neg_inf)
