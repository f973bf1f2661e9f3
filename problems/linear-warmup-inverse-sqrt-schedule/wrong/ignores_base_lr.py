import torch


def make_scheduler(optimizer: torch.optim.Optimizer, d_model: int,
                   warmup_steps: int) -> torch.optim.lr_scheduler.LambdaLR:
    def factor(step: int) -> float:
        s = step + 1  # LambdaLR counts from 0; the formula counts from 1 (0 ** -0.5 has no value)
        return d_model ** -0.5 * min(s ** -0.5, s * warmup_steps ** -1.5)

    # wrong: sets the rate itself, so every group gets the same rate whatever its base lr
    for group in optimizer.param_groups:
        group["lr"] = factor(0)

    class Absolute:
        def __init__(self) -> None:
            self.step_count = 0

        def step(self) -> None:
            self.step_count += 1
            for group in optimizer.param_groups:
                group["lr"] = factor(self.step_count)

    return Absolute()
