import torch


def mix_batch(images, labels, num_classes, mode, lam, partner, boxes):
    """A loop over samples that reads partners from the untouched input and writes into a fresh copy."""
    n, _, h, w = images.shape
    mixed = images.clone()
    weights = torch.empty(n, dtype=images.dtype, device=images.device)
    for i in range(n):
        j = int(partner[i])
        if mode == "mixup":
            weights[i] = lam[i]
            mixed[i] = torch.lerp(images[j], images[i], lam[i].to(images.dtype))
        else:
            cy, cx, ch, cw = (int(v) for v in boxes[i])
            top, bottom = min(max(cy - ch // 2, 0), h), min(max(cy + ch // 2, 0), h)
            left, right = min(max(cx - cw // 2, 0), w), min(max(cx + cw // 2, 0), w)
            mixed[i, :, top:bottom, left:right] = images[j, :, top:bottom, left:right]
            weights[i] = ((h * w) - (bottom - top) * (right - left)) / (h * w)
    targets = torch.zeros(n, num_classes, dtype=images.dtype, device=images.device)
    rows = torch.arange(n, device=images.device)
    targets.index_put_((rows, labels), weights, accumulate=True)
    targets.index_put_((rows, labels[partner]), 1 - weights, accumulate=True)
    return mixed, targets
