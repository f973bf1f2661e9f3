import torch


def sample_and_pool(frames: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Pick the middle frame of each of k equal segments and average them over time."""
    raise NotImplementedError
