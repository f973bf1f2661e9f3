import torch
import torch.nn.functional as F


def mix_batch(images: torch.Tensor, labels: torch.Tensor, num_classes: int, mode: str, lam: torch.Tensor,
              partner: torch.Tensor, boxes: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    n, _, h, w = images.shape
    other = images[partner]  # advanced indexing copies: reading partners never sees a half-mixed image
    if mode == "mixup":
        weight = lam.to(images.dtype)
        mixed = weight[:, None, None, None] * images + (1 - weight[:, None, None, None]) * other
    elif mode == "cutmix":
        cy, cx, cut_h, cut_w = boxes.unbind(dim=1)
        top, bottom = (cy - cut_h // 2).clamp(0, h), (cy + cut_h // 2).clamp(0, h)
        left, right = (cx - cut_w // 2).clamp(0, w), (cx + cut_w // 2).clamp(0, w)
        rows = torch.arange(h, device=images.device)
        cols = torch.arange(w, device=images.device)
        in_rows = (rows[None, :] >= top[:, None]) & (rows[None, :] < bottom[:, None])   # [N, H]
        in_cols = (cols[None, :] >= left[:, None]) & (cols[None, :] < right[:, None])   # [N, W]
        inside = in_rows[:, None, :, None] & in_cols[:, None, None, :]                  # [N, 1, H, W]
        mixed = torch.where(inside, other, images)
        # The label weight is the share of pixels that really stayed, after clipping the box to the image.
        pasted = (bottom - top) * (right - left)
        weight = 1 - pasted.to(images.dtype) / (h * w)
    else:
        raise ValueError(f"mode must be 'mixup' or 'cutmix', got {mode!r}")
    own = F.one_hot(labels, num_classes).to(images.dtype)
    theirs = F.one_hot(labels[partner], num_classes).to(images.dtype)
    targets = weight[:, None] * own + (1 - weight[:, None]) * theirs
    return mixed, targets
