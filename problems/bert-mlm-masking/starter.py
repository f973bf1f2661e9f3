import torch


def mlm_mask(
    input_ids: torch.Tensor,
    special_ids: list[int],
    mask_token_id: int,
    vocab_size: int,
    mlm_probability: float,
    seed: int,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (masked_input_ids, labels) following BERT's 80/10/10 rule and the exact random draw order."""
    raise NotImplementedError
