import torch


def evaluate(model, x, batch_size=64):
    """Class probabilities of `model` for the rows of `x`, computed batch by batch."""
    was_training = model.training
    model.eval()  # dropout off, BatchNorm uses (and does not update) its running statistics
    try:
        with torch.no_grad():
            probs = [torch.softmax(model(batch), dim=-1) for batch in x.split(batch_size)]
    finally:
        model.train(was_training)
    return torch.cat(probs)
