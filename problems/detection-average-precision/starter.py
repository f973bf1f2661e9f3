import torch


def average_precision(pred_boxes, pred_scores, pred_image_ids, gt_boxes, gt_image_ids, iou_threshold=0.5):
    """AP of ranked detections of one class at an IoU threshold (greedy matching, all-point envelope)."""
    raise NotImplementedError
