import torch


def _iou(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Pairwise IoU of boxes a (P, 4) and b (G, 4)."""
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    top_left = torch.maximum(a[:, None, :2], b[None, :, :2])
    bottom_right = torch.minimum(a[:, None, 2:], b[None, :, 2:])
    wh = (bottom_right - top_left).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area_a[:, None] + area_b[None, :] - inter)


def average_precision(pred_boxes, pred_scores, pred_image_ids, gt_boxes, gt_image_ids, iou_threshold=0.5):
    """AP of ranked detections of one class at an IoU threshold (greedy matching, all-point envelope)."""
    num_gt, num_pred = gt_boxes.shape[0], pred_boxes.shape[0]
    if num_gt == 0 or num_pred == 0:
        return 0.0
    order = torch.arange(len(pred_scores), device=pred_scores.device)  # input order
    iou = _iou(pred_boxes[order].double(), gt_boxes.double())
    iou[pred_image_ids[order][:, None] != gt_image_ids[None, :]] = -1.0  # other images never match
    matched = torch.zeros(num_gt, dtype=torch.bool, device=iou.device)
    tp = torch.zeros(num_pred, dtype=torch.float64, device=iou.device)
    for r in range(num_pred):
        row = iou[r].masked_fill(matched, -1.0)
        best = int(row.argmax())  # first maximum: the lower ground-truth index on ties
        if row[best] >= iou_threshold:
            matched[best] = True
            tp[r] = 1.0
    cum_tp = tp.cumsum(0)
    precision = cum_tp / torch.arange(1, num_pred + 1, dtype=torch.float64, device=iou.device)
    recall = cum_tp / num_gt
    envelope = precision.flip(0).cummax(0).values.flip(0)
    recall_step = torch.diff(recall, prepend=recall.new_zeros(1))
    return float((recall_step * envelope).sum())
