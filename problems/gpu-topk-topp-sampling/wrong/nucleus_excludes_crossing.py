import torch


def sample(logits, gumbel, top_k, top_p, temperature):
    z = logits / temperature
    sorted_z, order = torch.sort(z, dim=-1, descending=True)
    if top_k > 0:
        sorted_z[:, top_k:] = float("-inf")
    probs = torch.softmax(sorted_z, dim=-1)
    remove = probs.cumsum(dim=-1) > top_p  # drops the token that crosses p
    remove[:, 0] = False
    sorted_z = sorted_z.masked_fill(remove, float("-inf"))
    winner = (sorted_z + gumbel.gather(-1, order)).argmax(dim=-1)
    return order.gather(-1, winner[:, None]).squeeze(-1)
