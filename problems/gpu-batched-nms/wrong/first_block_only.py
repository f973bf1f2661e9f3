import torch

BLOCK = 512


def batched_nms(boxes, scores, iou_threshold):
    b, n, _ = boxes.shape
    order = torch.sort(scores, dim=1, descending=True, stable=True).indices
    s = boxes.gather(1, order[..., None].expand(b, n, 4))
    area = (s[..., 2] - s[..., 0]) * (s[..., 3] - s[..., 1])
    wh = (torch.minimum(s[:, :, None, 2:], s[:, None, :, 2:]) - torch.maximum(s[:, :, None, :2], s[:, None, :, :2]))
    inter = wh.clamp(min=0).prod(dim=-1)
    overlaps = (inter > iou_threshold * (area[:, :, None] + area[:, None, :] - inter)).cpu()
    keep = torch.zeros(b, n, dtype=torch.bool, device="cpu")
    keep[:, :BLOCK] = True  # boxes past the block are never considered
    for i in range(min(n, BLOCK) - 1):
        keep[:, i + 1:] &= ~(overlaps[:, i, i + 1:] & keep[:, i:i + 1])
    keep = keep.to(boxes.device)
    return torch.zeros_like(keep).scatter_(1, order, keep)
