import torch


def predict(model: torch.nn.Module, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Class probabilities and predicted class for a batch of images, from a torchvision classifier."""
    model.eval()
    with torch.no_grad():
        outputs = model(images)
        logits = outputs.logits
    probs = torch.softmax(logits, dim=0)
    labels = probs.argmax(dim=1)
    return probs, labels
