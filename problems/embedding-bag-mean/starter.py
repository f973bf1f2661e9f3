import torch


def embedding_bag_mean(weight: torch.Tensor, indices: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
    """Mean of weight[indices[offsets[b]:offsets[b+1]]] for each bag b; empty bags give zeros."""
    raise NotImplementedError
