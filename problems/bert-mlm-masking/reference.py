import torch


def mlm_mask(
    input_ids: torch.Tensor,
    special_ids: list[int],
    mask_token_id: int,
    vocab_size: int,
    mlm_probability: float,
    seed: int,
) -> tuple[torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    shape = input_ids.shape
    special = torch.isin(input_ids, torch.tensor(special_ids, dtype=input_ids.dtype))
    probs = torch.full(shape, float(mlm_probability), dtype=torch.float32).masked_fill(special, 0.0)
    selected = torch.bernoulli(probs, generator=g).bool()
    labels = input_ids.masked_fill(~selected, -100)

    replaced = torch.bernoulli(torch.full(shape, 0.8), generator=g).bool() & selected
    randomized = torch.bernoulli(torch.full(shape, 0.5), generator=g).bool() & selected & ~replaced
    random_ids = torch.randint(vocab_size, shape, generator=g, dtype=torch.long)

    masked = input_ids.masked_fill(replaced, mask_token_id)
    masked = torch.where(randomized, random_ids, masked)
    return masked, labels
