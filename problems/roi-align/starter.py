import torch


def roi_align(input: torch.Tensor, boxes: torch.Tensor, output_size: list[int], spatial_scale: float,
              sampling_ratio: int, aligned: bool) -> torch.Tensor:
    """Return the [K, C, out_h, out_w] RoI Align features of `boxes` ([K, 5]: batch index, x1, y1, x2, y2)."""
    raise NotImplementedError
