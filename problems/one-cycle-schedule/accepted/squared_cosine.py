import math


def one_cycle(max_lr, total_steps, pct_start=0.3, div_factor=25.0, final_div_factor=1.0e4,
              base_momentum=0.85, max_momentum=0.95):
    # (1 + cos(pi p)) / 2 = cos^2(pi p / 2): the same curve, rounded differently, built phase by phase.
    lo = max_lr / div_factor
    floor = lo / final_div_factor
    peak = pct_start * total_steps - 1
    first = [s for s in range(total_steps) if s <= peak]
    second = [s for s in range(total_steps) if s > peak]
    w1 = [math.cos(math.pi * (s / peak) / 2) ** 2 for s in first]
    w2 = [math.cos(math.pi * ((s - peak) / (total_steps - 1 - peak)) / 2) ** 2 for s in second]
    lrs = [max_lr - (max_lr - lo) * w for w in w1] + [floor + (max_lr - floor) * w for w in w2]
    momenta = ([base_momentum + (max_momentum - base_momentum) * w for w in w1]
               + [max_momentum - (max_momentum - base_momentum) * w for w in w2])
    return {"lr": lrs, "momentum": momenta}
