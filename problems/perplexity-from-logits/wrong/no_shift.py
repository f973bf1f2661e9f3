import torch


def perplexity(logits, input_ids, attention_mask):
    # Scores token t with the logits at position t, which were computed to predict token t + 1.
    logp = torch.log_softmax(logits, dim=-1)
    nll = -logp.gather(-1, input_ids.unsqueeze(-1)).squeeze(-1)
    real = attention_mask.bool()
    return torch.exp(nll[real].sum() / real.sum())
