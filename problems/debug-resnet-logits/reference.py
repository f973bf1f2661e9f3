import torch


def predict(model: torch.nn.Module, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    model.eval()
    with torch.no_grad():
        # A torchvision classifier returns the logits tensor itself, shape [batch, classes].
        logits = model(images)
    probs = torch.softmax(logits, dim=1)  # normalize over classes, not over the batch
    labels = probs.argmax(dim=1)
    return probs, labels
