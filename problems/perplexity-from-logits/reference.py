import torch


def perplexity(logits: torch.Tensor, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    # Position t predicts token t + 1: drop the last logits and the first tokens.
    logp = torch.log_softmax(logits[:, :-1], dim=-1)
    targets = input_ids[:, 1:]
    nll = -logp.gather(-1, targets.unsqueeze(-1)).squeeze(-1)  # [B, T-1]
    real = attention_mask[:, 1:].bool()  # the predicted token must be a real one
    total = torch.where(real, nll, torch.zeros_like(nll)).sum()
    return torch.exp(total / real.sum())
