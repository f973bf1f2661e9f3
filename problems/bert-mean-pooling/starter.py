import torch


def mean_pool(last_hidden_state: torch.Tensor, attention_mask: torch.Tensor, normalize: bool = False) -> torch.Tensor:
    """Average the token vectors of real (unmasked) tokens; return (B, H). Rows without tokens give zeros."""
    raise NotImplementedError
