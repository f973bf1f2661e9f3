import math

import torch


def make_scheduler(optimizer, d_model, warmup_steps):
    # Two explicit branches with sqrt and a division instead of powers: rounds differently.
    scale = 1.0 / math.sqrt(d_model)

    def factor(step):
        s = step + 1
        if s < warmup_steps:
            return scale * s / (warmup_steps * math.sqrt(warmup_steps))
        return scale / math.sqrt(s)

    return torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=factor)
