import torch


def embedding_bag(weight: torch.Tensor, indices: torch.Tensor, offsets: torch.Tensor,
                  per_sample_weights: torch.Tensor) -> torch.Tensor:
    """Per bag, the sum of weight[indices] scaled by per_sample_weights; empty bags are zero."""
    raise NotImplementedError
