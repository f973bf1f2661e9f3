import torch


def ema_weights(snapshots: list[dict[str, torch.Tensor]], buffer_names: list[str],
                decay: float) -> dict[str, torch.Tensor]:
    """Return the EMA state dict after creating it from snapshots[0] and updating it with each later snapshot."""
    raise NotImplementedError
