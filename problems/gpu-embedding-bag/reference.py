import torch
import torch.nn.functional as F


def embedding_bag(weight: torch.Tensor, indices: torch.Tensor, offsets: torch.Tensor,
                  per_sample_weights: torch.Tensor) -> torch.Tensor:
    return F.embedding_bag(indices, weight, offsets, mode="sum", per_sample_weights=per_sample_weights)
