import torch


def mlm_mask(input_ids, special_ids, mask_token_id, vocab_size, mlm_probability, seed):
    g = torch.Generator().manual_seed(seed)
    shape = input_ids.shape
    special = torch.isin(input_ids, torch.tensor(special_ids))
    probs = torch.full(shape, mlm_probability)
    probs[special] = 0.0
    selected = torch.bernoulli(probs, generator=g).bool()
    labels = input_ids.clone()  # wrong: unselected positions should be -100
    replaced = torch.bernoulli(torch.full(shape, 0.8), generator=g).bool() & selected
    randomized = torch.bernoulli(torch.full(shape, 0.5), generator=g).bool() & selected & ~replaced
    random_ids = torch.randint(vocab_size, shape, generator=g, dtype=torch.long)
    masked = input_ids.clone()
    masked[replaced] = mask_token_id
    masked[randomized] = random_ids[randomized]
    return masked, labels
