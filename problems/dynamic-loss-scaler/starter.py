import torch


class DynamicLossScaler:
    def __init__(self, init_scale: float = 65536.0, growth_factor: float = 2.0, backoff_factor: float = 0.5,
                 growth_interval: int = 2000) -> None:
        raise NotImplementedError

    def get_scale(self) -> float:
        raise NotImplementedError

    def scale(self, loss: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError

    def unscale_(self, optimizer: torch.optim.Optimizer) -> None:
        raise NotImplementedError

    def step(self, optimizer: torch.optim.Optimizer) -> bool:
        """Step the optimizer unless a gradient is inf/NaN; return whether it stepped."""
        raise NotImplementedError

    def update(self) -> None:
        raise NotImplementedError
