def warmup_cosine(base_lr: float, min_lr: float, warmup_steps: int, total_steps: int,
                  start_factor: float) -> list[float]:
    """Learning rate of each step 0 .. total_steps-1: LinearLR warm-up, then CosineAnnealingLR to min_lr."""
    raise NotImplementedError
