import torch


def average_precision(
    pred_boxes: torch.Tensor, pred_scores: torch.Tensor, pred_image_ids: torch.Tensor,
    gt_boxes: torch.Tensor, gt_image_ids: torch.Tensor, iou_threshold: float = 0.5,
) -> float:
    """AP of ranked detections of one class at an IoU threshold (greedy matching, all-point envelope)."""
    raise NotImplementedError
