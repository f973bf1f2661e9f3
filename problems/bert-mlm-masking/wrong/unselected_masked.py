import torch


def mlm_mask(input_ids, special_ids, mask_token_id, mlm_probability, u_select, u_action, random_ids):
    special = torch.isin(input_ids, torch.tensor(special_ids))
    selected = (u_select < mlm_probability) & ~special
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, -100))
    masked = input_ids.clone()
    masked[u_action < 0.8] = mask_token_id  # wrong: the 80/10/10 decision applied to every token
    randomized = (u_action >= 0.8) & (u_action < 0.9)
    masked[randomized] = random_ids[randomized]
    return masked, labels
