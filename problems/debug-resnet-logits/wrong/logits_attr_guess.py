import torch


def predict(model: torch.nn.Module, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    model.eval()
    with torch.no_grad():
        outputs = model(images)
        logits = outputs[0]  # indexing a tensor takes the first image, not "the logits field"
    probs = torch.softmax(logits, dim=-1)
    labels = probs.argmax(dim=-1)
    return probs, labels
