import torch


def sample(logits: torch.Tensor, gumbel: torch.Tensor, top_k: int, top_p: float, temperature: float) -> torch.Tensor:
    z = logits / temperature
    sorted_z, order = torch.sort(z, dim=-1, descending=True)
    if top_k > 0:
        sorted_z[:, top_k:] = float("-inf")
    probs = torch.softmax(sorted_z, dim=-1)
    before = probs.cumsum(dim=-1) - probs  # the mass ranked strictly before each token
    sorted_z = sorted_z.masked_fill(before >= top_p, float("-inf"))  # never the first token: before is 0
    winner = (sorted_z + gumbel.gather(-1, order)).argmax(dim=-1)
    return order.gather(-1, winner[:, None]).squeeze(-1)
