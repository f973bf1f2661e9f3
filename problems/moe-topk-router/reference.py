import torch
import torch.nn.functional as F


def moe_forward(x: torch.Tensor, gate_weight: torch.Tensor, w1: torch.Tensor, w2: torch.Tensor,
                top_k: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    num_experts = gate_weight.shape[0]
    probs = torch.softmax(x @ gate_weight.T, dim=-1)                    # (T, E), over the experts
    top_p, top_i = probs.topk(top_k, dim=-1)                            # (T, k)
    top_w = top_p / top_p.sum(dim=-1, keepdim=True)                     # renormalised over the chosen k
    out = torch.zeros_like(x)
    for e in range(num_experts):
        token, slot = (top_i == e).nonzero(as_tuple=True)              # only the tokens routed to e
        if token.numel() == 0:
            continue
        h = F.gelu(x[token] @ w1[e].T) @ w2[e].T
        out.index_add_(0, token, h * top_w[token, slot, None])
    counts = torch.bincount(top_i.flatten(), minlength=num_experts)     # (E,) assignments per expert
    fraction = counts.to(x.dtype) / (x.shape[0] * top_k)                # f_i: share of the T*k assignments
    mean_prob = probs.mean(dim=0)                                       # P_i: over all tokens, all experts
    aux_loss = num_experts * (fraction * mean_prob).sum()
    return out, aux_loss, counts
