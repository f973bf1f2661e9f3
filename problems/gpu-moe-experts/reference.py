import torch


def moe_experts(x: torch.Tensor, expert_of: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    out = x.new_empty(x.shape[0], weights.shape[1])
    order = torch.argsort(expert_of, stable=True)  # tokens grouped by expert
    counts = torch.bincount(expert_of, minlength=weights.shape[0]).tolist()
    start = 0
    for expert, count in enumerate(counts):
        if count:
            rows = order[start:start + count]
            out[rows] = x[rows] @ weights[expert].T
            start += count
    return out
