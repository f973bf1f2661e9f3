import torch
import torch.nn.functional as F


def mix_batch(images, labels, num_classes, mode, lam, partner, boxes):
    n, _, h, w = images.shape
    mixed = images.clone()
    weight = torch.empty(n, dtype=images.dtype, device=images.device)
    for i in range(n):
        j = int(partner[i])
        # Reads the partner from `mixed`, which already holds the mixed version of every earlier sample.
        if mode == "mixup":
            weight[i] = lam[i]
            mixed[i] = lam[i] * mixed[i] + (1 - lam[i]) * mixed[j]
        else:
            cy, cx, ch, cw = (int(v) for v in boxes[i])
            top, bottom = min(max(cy - ch // 2, 0), h), min(max(cy + ch // 2, 0), h)
            left, right = min(max(cx - cw // 2, 0), w), min(max(cx + cw // 2, 0), w)
            mixed[i, :, top:bottom, left:right] = mixed[j, :, top:bottom, left:right]
            weight[i] = 1 - (bottom - top) * (right - left) / (h * w)
    own = F.one_hot(labels, num_classes).to(images.dtype)
    theirs = F.one_hot(labels[partner], num_classes).to(images.dtype)
    return mixed, weight[:, None] * own + (1 - weight[:, None]) * theirs
