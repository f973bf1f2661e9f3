import torch


def top_k_top_p_filter(logits: torch.Tensor, top_k: int, top_p: float) -> torch.Tensor:
    out = logits.clone()
    if 0 < top_k < logits.shape[-1]:
        kth = torch.topk(out, top_k, dim=-1).values[..., -1:]
        out = out.masked_fill(out < kth, float("-inf"))
    if top_p < 1.0:
        sorted_logits, order = torch.sort(out, dim=-1, descending=True, stable=True)
        probs = torch.softmax(sorted_logits, dim=-1)
        remove = probs.cumsum(-1) - probs >= top_p
        remove[..., 0] = False
        mask = torch.zeros_like(remove).scatter(-1, order, remove)
        out = out.masked_fill(mask, float("-inf"))
    return out
