import math


def warmup_cosine(base_lr: float, min_lr: float, warmup_steps: int, total_steps: int,
                  start_factor: float) -> list[float]:
    rates: list[float] = []
    for t in range(min(warmup_steps, total_steps)):
        rates.append(base_lr * (start_factor + (1.0 - start_factor) * t / warmup_steps))
    period = total_steps - warmup_steps
    amplitude = base_lr - min_lr
    for s in range(max(period, 0)):
        rates.append(min_lr + amplitude * (1.0 + math.cos(math.pi * s / period)) / 2.0)
    return rates
