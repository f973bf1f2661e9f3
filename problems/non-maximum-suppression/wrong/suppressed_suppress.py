import torch


def _pairwise_iou(boxes: torch.Tensor) -> torch.Tensor:
    area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    top_left = torch.maximum(boxes[:, None, :2], boxes[None, :, :2])
    bottom_right = torch.minimum(boxes[:, None, 2:], boxes[None, :, 2:])
    wh = (bottom_right - top_left).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    union = area[:, None] + area[None, :] - inter
    safe = torch.where(union > 0, union, torch.ones_like(union))
    return torch.where(union > 0, inter / safe, torch.zeros_like(inter))


def nms(boxes: torch.Tensor, scores: torch.Tensor, iou_threshold: float,
        classes: torch.Tensor | None = None) -> torch.Tensor:
    # Stable descending sort: equal scores keep their original (ascending index) order.
    order = torch.sort(scores, descending=True, stable=True).indices
    sorted_boxes = boxes[order]
    overlaps = _pairwise_iou(sorted_boxes) > iou_threshold
    if classes is not None:
        sorted_classes = classes[order]
        overlaps &= sorted_classes[:, None] == sorted_classes[None, :]
    # Greedy pass in score order; only a kept box may suppress others.
    removed = torch.zeros(len(order), dtype=torch.bool, device=overlaps.device)
    for i in range(len(order)):
        # Every box, kept or not, removes the lower-scored boxes it overlaps.
        removed[i + 1:] |= overlaps[i, i + 1:]
    keep = (~removed).nonzero().flatten()
    return order[keep]
