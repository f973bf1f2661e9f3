import torch


def perplexity(logits, input_ids, attention_mask):
    logp = torch.log_softmax(logits[:, :-1], dim=-1)
    nll = -logp.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    real = attention_mask[:, 1:].to(nll.dtype)
    counts = real.sum(dim=1)
    keep = counts > 0
    # Mean NLL of each sequence, then the mean over sequences: short sequences weigh as much as long ones.
    per_seq = (nll * real).sum(dim=1)[keep] / counts[keep]
    return torch.exp(per_seq.mean())
