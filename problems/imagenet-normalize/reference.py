import torch

MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)


def imagenet_normalize(image: torch.Tensor) -> dict:
    is_uint8 = image.dtype == torch.uint8
    # uint8 images are [..., H, W, 3] in 0..255; float images are already [..., 3, H, W] in [0, 1].
    x = image.movedim(-1, -3).to(torch.float32) / 255.0 if is_uint8 else image
    mean = torch.tensor(MEAN, dtype=x.dtype, device=x.device).view(3, 1, 1)
    std = torch.tensor(STD, dtype=x.dtype, device=x.device).view(3, 1, 1)
    normalized = (x - mean) / std
    restored = normalized * std + mean
    if is_uint8:
        restored = (restored * 255.0).round().clamp(0, 255).to(torch.uint8).movedim(-3, -1)
    return {"normalized": normalized, "restored": restored}
