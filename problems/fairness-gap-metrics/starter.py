import torch


def fairness_gaps(y_pred: torch.Tensor, y_true: torch.Tensor, group: torch.Tensor) -> dict:
    """Return {"demographic_parity_difference": float, "equal_opportunity_difference": float,
    "disparate_impact_ratio": float} for group 1 relative to group 0."""
    raise NotImplementedError
