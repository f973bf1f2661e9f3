import torch
import torch.nn.functional as F  # noqa: F401 - you will need it
from torch import nn


def train(model: nn.Module, batches: list[tuple[torch.Tensor, torch.Tensor]], accum_steps: int, max_norm: float,
          lr: float, warmup_steps: int, checkpoint: dict | None = None) -> dict:
    """Train `model` on `batches` (micro-batches), one optimizer step per `accum_steps` of them.
    Resume from `checkpoint` if given; return a checkpoint from which training can continue."""
    raise NotImplementedError
