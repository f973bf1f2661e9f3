import torch


def mix_batch(images: torch.Tensor, labels: torch.Tensor, num_classes: int, mode: str, lam: torch.Tensor,
              partner: torch.Tensor, boxes: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (mixed images [N, C, H, W], soft targets [N, num_classes]) for mode 'mixup' or 'cutmix'."""
    raise NotImplementedError
