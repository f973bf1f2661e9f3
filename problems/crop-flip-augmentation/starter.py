import torch


def crop_flip(images: torch.Tensor, size: list[int], padding: int, seed: int) -> dict:
    """Random crop (after zero padding) and random horizontal flip, reproducible from `seed`."""
    raise NotImplementedError
