import torch


def mlm_mask(input_ids, special_ids, mask_token_id, mlm_probability, u_select, u_action, random_ids):
    special = torch.isin(input_ids, torch.tensor(special_ids))
    selected = (u_select < mlm_probability) & ~special
    labels = input_ids.clone()  # wrong: unselected positions should be -100
    masked = input_ids.clone()
    masked[selected & (u_action < 0.8)] = mask_token_id
    randomized = selected & (u_action >= 0.8) & (u_action < 0.9)
    masked[randomized] = random_ids[randomized]
    return masked, labels
