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
    special = torch.isin(input_ids, torch.tensor(special_ids, dtype=input_ids.dtype, device=input_ids.device))
    selected = (u_select < mlm_probability) & ~special
    labels = input_ids.masked_fill(~selected, -100)
    replaced = selected & (u_action < 0.8)
    randomized = selected & (u_action >= 0.8) & (u_action < 0.9)
    masked = input_ids.masked_fill(replaced, mask_token_id)
    masked = torch.where(randomized, random_ids, masked)
    return masked, labels
