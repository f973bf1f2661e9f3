import torch  # noqa: F401 - you will need it


def magnitude_prune(weights: list, sparsity: float, scope: str) -> list:
    """Return one bool mask per weight tensor (True = keep)."""
    raise NotImplementedError
