import torch

BLOCK = 32768


def sample(logits, gumbel, top_k, top_p, temperature):
    z = logits[:, :BLOCK] / temperature  # one block per row
    sorted_z, order = torch.sort(z, dim=-1, descending=True)
    if top_k > 0:
        sorted_z[:, top_k:] = float("-inf")
    probs = torch.softmax(sorted_z, dim=-1)
    before = probs.cumsum(dim=-1) - probs
    sorted_z = sorted_z.masked_fill(before >= top_p, float("-inf"))
    winner = (sorted_z + gumbel[:, :BLOCK].gather(-1, order)).argmax(dim=-1)
    return order.gather(-1, winner[:, None]).squeeze(-1)
