import torch


def batched_nms(boxes: torch.Tensor, scores: torch.Tensor, iou_threshold: float) -> torch.Tensor:
    b, n, _ = boxes.shape
    order = torch.sort(scores, dim=1, descending=True, stable=True).indices  # equal scores: lower index first
    s = boxes.gather(1, order[..., None].expand(b, n, 4))
    area = (s[..., 2] - s[..., 0]) * (s[..., 3] - s[..., 1])
    wh = (torch.minimum(s[:, :, None, 2:], s[:, None, :, 2:]) - torch.maximum(s[:, :, None, :2], s[:, None, :, :2]))
    inter = wh.clamp(min=0).prod(dim=-1)
    union = area[:, :, None] + area[:, None, :] - inter
    overlaps = inter >= iou_threshold * union
    overlaps = overlaps.cpu()
    keep = torch.ones(b, n, dtype=torch.bool, device="cpu")
    for i in range(n - 1):
        keep[:, i + 1:] &= ~(overlaps[:, i, i + 1:] & keep[:, i:i + 1])
    keep = keep.to(boxes.device)
    return torch.zeros_like(keep).scatter_(1, order, keep)
