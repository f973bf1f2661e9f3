def step_lr(base_lr: float, step_size: int, gamma: float, epochs: int) -> list[float]:
    """The learning rate used by each epoch 0 .. epochs-1 under StepLR(step_size, gamma)."""
    raise NotImplementedError
