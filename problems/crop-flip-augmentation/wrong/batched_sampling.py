import torch
import torch.nn.functional as F


def crop_flip(images: torch.Tensor, size: list[int], padding: int, seed: int) -> dict:
    h, w = size
    gen = torch.Generator().manual_seed(seed)
    if padding > 0:
        images = F.pad(images, (padding, padding, padding, padding), mode="constant", value=0)
    n, _, hp, wp = images.shape
    # Vectorized sampling: all tops, then all lefts, then all flips (a different stream order).
    tops = torch.randint(0, hp - h + 1, (n,), generator=gen)
    lefts = torch.randint(0, wp - w + 1, (n,), generator=gen)
    flips = torch.rand(n, generator=gen) < 0.5
    crops = []
    for i in range(n):
        crop = images[i, :, tops[i]:tops[i] + h, lefts[i]:lefts[i] + w]
        crops.append(crop.flip(-1) if flips[i] else crop)
    out = torch.stack(crops) if crops else images.new_empty((0, images.shape[1], h, w))
    return {"images": out, "tops": tops, "lefts": lefts, "flips": flips}
