import torch


def assign(points: torch.Tensor, centroids: torch.Tensor) -> torch.Tensor:
    """Index of the nearest centroid for every point (lowest index on ties)."""
    raise NotImplementedError
