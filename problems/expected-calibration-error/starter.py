import torch


def calibrate(
    val_logits: torch.Tensor, val_labels: torch.Tensor, test_logits: torch.Tensor, test_labels: torch.Tensor,
    n_bins: int = 15,
) -> dict[str, float]:
    """Fit a softmax temperature on validation data; report the test ECE before and after scaling."""
    raise NotImplementedError
