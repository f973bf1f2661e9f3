import torch


def softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor
    return x
