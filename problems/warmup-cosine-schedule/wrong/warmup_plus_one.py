import math


def warmup_cosine(base_lr, min_lr, warmup_steps, total_steps, start_factor):
    rates = [base_lr * (start_factor + (1 - start_factor) * (t + 1) / warmup_steps) for t in range(warmup_steps)]
    period = total_steps - warmup_steps
    for s in range(period):
        rates.append(min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * s / period)) / 2)
    return rates
