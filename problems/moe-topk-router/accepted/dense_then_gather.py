import torch
import torch.nn.functional as F


def moe_forward(x, gate_weight, w1, w2, top_k):
    # Runs every expert on every token (wasteful but correct) and weights with a softmax over the top-k
    # logits, which equals the renormalised top-k probabilities up to rounding.
    logits = F.linear(x, gate_weight)
    top_logits, idx = logits.topk(top_k, dim=-1)
    w = top_logits.softmax(dim=-1)
    every = torch.einsum("efd,td->tef", w1, x)
    every = torch.einsum("edf,tef->ted", w2, F.gelu(every))            # (T, E, d)
    chosen = every.gather(1, idx[..., None].expand(-1, -1, x.shape[1]))  # (T, k, d)
    out = (chosen * w[..., None]).sum(1)
    e = gate_weight.shape[0]
    counts = F.one_hot(idx, e).sum((0, 1))
    probs = logits.softmax(-1)
    loss = e * torch.dot(counts.to(x.dtype) / idx.numel(), probs.mean(0))
    return out, loss, counts
