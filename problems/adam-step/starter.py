import torch  # noqa: F401 - you will need it


def adam_steps(params: list, grads: list, lr: float, beta1: float, beta2: float, eps: float,
               weight_decay: float) -> dict:
    """Apply len(grads) Adam steps; return {"params": [...], "exp_avg": [...], "exp_avg_sq": [...]}."""
    raise NotImplementedError
