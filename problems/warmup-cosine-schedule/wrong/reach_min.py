import math


def warmup_cosine(base_lr, min_lr, warmup_steps, total_steps, start_factor):
    rates = [base_lr * (start_factor + (1 - start_factor) * t / warmup_steps) for t in range(warmup_steps)]
    period = max(total_steps - warmup_steps - 1, 1)
    for s in range(total_steps - warmup_steps):
        rates.append(min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * s / period)) / 2)
    return rates
