import torch
import torch.nn.functional as F


def crop_flip(images: torch.Tensor, size: list[int], padding: int, seed: int) -> dict:
    h, w = size
    gen = torch.Generator().manual_seed(seed)
    if padding > 0:
        images = F.pad(images, (padding, padding, padding, padding), mode="constant", value=0)
    n, _, hp, wp = images.shape
    crops, tops, lefts, flips = [], [], [], []
    for i in range(n):  # one image at a time: top, then left, then flip
        top = int(torch.randint(0, hp - h + 1, (1,), generator=gen))
        left = int(torch.randint(0, wp - w + 1, (1,), generator=gen))
        flip = bool(torch.rand(1, generator=gen) < 0.5)
        crop = images[i, :, top:top + h, left:left + w]
        if flip:
            crop = crop.flip(-2)
        crops.append(crop)
        tops.append(top)
        lefts.append(left)
        flips.append(flip)
    out = torch.stack(crops) if crops else images.new_empty((0, images.shape[1], h, w))
    device = images.device  # the draws come from a CPU generator; the outputs follow the images
    return {"images": out, "tops": torch.tensor(tops, dtype=torch.long, device=device),
            "lefts": torch.tensor(lefts, dtype=torch.long, device=device),
            "flips": torch.tensor(flips, dtype=torch.bool, device=device)}
