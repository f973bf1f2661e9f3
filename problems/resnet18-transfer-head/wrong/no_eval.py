import torch
from torch import nn


def transfer_logits(model: nn.Module, num_classes: int, head_weight: torch.Tensor, head_bias: torch.Tensor,
                    images: torch.Tensor) -> tuple[torch.Tensor, int]:
    # Freeze the backbone first, then add the head: new parameters are trainable by default.
    for p in model.parameters():
        p.requires_grad_(False)
    model.fc = nn.Linear(model.fc.in_features, num_classes, device=images.device)
    with torch.no_grad():
        model.fc.weight.copy_(head_weight)
        model.fc.bias.copy_(head_bias)
    num_trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    # (forgot model.eval())
    with torch.no_grad():
        logits = model(images)
    return logits, num_trainable
