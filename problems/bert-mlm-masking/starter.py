import torch


def mlm_mask(
    input_ids: torch.Tensor,
    special_ids: list[int],
    mask_token_id: int,
    mlm_probability: float,
    u_select: torch.Tensor,
    u_action: torch.Tensor,
    random_ids: torch.Tensor,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (masked_input_ids, labels): select with u_select, then 80/10/10 by u_action."""
    raise NotImplementedError
