import torch


def nms(boxes: torch.Tensor, scores: torch.Tensor, iou_threshold: float,
        classes: torch.Tensor | None = None) -> torch.Tensor:
    """Greedy non-maximum suppression; return kept indices (int64) by decreasing score."""
    raise NotImplementedError
