import torch
from torchvision.transforms import Normalize


def to_display(image, mean, std):
    """Inverse Normalize as another Normalize: mean' = -mean/std, std' = 1/std (rounded differently)."""
    inverse = Normalize(mean=[-m / s for m, s in zip(mean, std)], std=[1 / s for s in std])
    with torch.no_grad():
        img = inverse(image.clone())
    return img.permute(*range(img.dim() - 3), -2, -1, -3).clamp(min=0, max=1)
