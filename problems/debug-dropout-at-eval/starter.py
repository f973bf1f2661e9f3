import torch


def evaluate(model, x, batch_size=64):
    """Class probabilities of `model` for the rows of `x`, computed batch by batch."""
    probs = []
    for batch in x.split(batch_size):
        logits = model(batch)
        probs.append(torch.softmax(logits, dim=-1))
    return torch.cat(probs)
