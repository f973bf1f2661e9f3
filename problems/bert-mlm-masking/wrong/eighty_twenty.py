import torch


def mlm_mask(input_ids, special_ids, mask_token_id, vocab_size, mlm_probability, seed):
    g = torch.Generator().manual_seed(seed)
    shape = input_ids.shape
    special = torch.isin(input_ids, torch.tensor(special_ids))
    probs = torch.full(shape, mlm_probability)
    probs[special] = 0.0
    selected = torch.bernoulli(probs, generator=g).bool()
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, -100))
    replaced = torch.bernoulli(torch.full(shape, 0.8), generator=g).bool() & selected
    randomized = selected & ~replaced  # wrong: 80/20, no 0.5 draw
    random_ids = torch.randint(vocab_size, shape, generator=g, dtype=torch.long)
    masked = input_ids.clone()
    masked[replaced] = mask_token_id
    masked[randomized] = random_ids[randomized]
    return masked, labels
