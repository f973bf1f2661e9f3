import math


def warmup_cosine(base_lr, min_lr, warmup_steps, total_steps, start_factor):
    rates = []
    for t in range(total_steps):
        if t < warmup_steps:
            rates.append(base_lr * (start_factor + (1 - start_factor) * t / warmup_steps))
        else:
            rates.append(min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * t / total_steps)) / 2)
    return rates
