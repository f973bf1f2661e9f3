import math  # noqa: F401 - you will need it

import torch
from torch import nn


class LoRALinear(nn.Module):
    def __init__(self, base: nn.Linear, r: int, alpha: float) -> None:
        super().__init__()
        self.base = base
        # Freeze the base, create self.lora_A (r, in_features) and self.lora_B (out_features, r).
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError

    def merge(self) -> None:
        """Fold the low-rank update into base.weight."""
        raise NotImplementedError

    def unmerge(self) -> None:
        """Take the low-rank update back out of base.weight."""
        raise NotImplementedError
