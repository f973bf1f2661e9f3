import torch


def make_scheduler(optimizer: torch.optim.Optimizer, d_model: int,
                   warmup_steps: int) -> torch.optim.lr_scheduler.LRScheduler:
    """The Transformer's warm-up / inverse-square-root schedule, as a multiplier of each group's base lr."""
    raise NotImplementedError
