import torch


def batched_nms(boxes: torch.Tensor, scores: torch.Tensor, iou_threshold: float) -> torch.Tensor:
    """Kept-box mask [B, N] of greedy NMS run independently on each image."""
    raise NotImplementedError
