import torch


def sigmoid_focal_loss(inputs: torch.Tensor, targets: torch.Tensor, alpha: float = 0.25, gamma: float = 2.0,
                       reduction: str = "none") -> torch.Tensor:
    """Return torchvision.ops.sigmoid_focal_loss(inputs, targets, alpha, gamma, reduction), written by hand."""
    raise NotImplementedError
