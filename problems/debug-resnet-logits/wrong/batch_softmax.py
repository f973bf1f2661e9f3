import torch


def predict(model: torch.nn.Module, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    model.eval()
    with torch.no_grad():
        logits = model(images)
    probs = torch.softmax(logits, dim=0)
    labels = probs.argmax(dim=1)
    return probs, labels
