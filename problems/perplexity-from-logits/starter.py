import torch


def perplexity(logits: torch.Tensor, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    """Token-level perplexity of a right-padded batch under causal-LM logits; a 0-d tensor of logits' dtype."""
    raise NotImplementedError
