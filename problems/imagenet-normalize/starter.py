import torch

MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)


def imagenet_normalize(image: torch.Tensor) -> dict:
    """Normalize with ImageNet statistics and invert: {"normalized": ..., "restored": ...}."""
    raise NotImplementedError
