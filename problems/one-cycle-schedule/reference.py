import math


def _cos_anneal(start: float, end: float, pct: float) -> float:
    return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1.0)


def one_cycle(max_lr: float, total_steps: int, pct_start: float = 0.3, div_factor: float = 25.0,
              final_div_factor: float = 1.0e4, base_momentum: float = 0.85, max_momentum: float = 0.95) -> dict:
    initial_lr = max_lr / div_factor
    min_lr = initial_lr / final_div_factor          # relative to the initial rate, not to max_lr
    peak = pct_start * total_steps - 1.0            # the step that reaches max_lr; need not be an integer
    last = total_steps - 1.0
    lrs, momenta = [], []
    for step in range(total_steps):
        if step <= peak:
            pct = step / peak
            lrs.append(_cos_anneal(initial_lr, max_lr, pct))
            momenta.append(_cos_anneal(max_momentum, base_momentum, pct))   # momentum moves against the rate
        else:
            pct = (step - peak) / (last - peak)
            lrs.append(_cos_anneal(max_lr, min_lr, pct))
            momenta.append(_cos_anneal(base_momentum, max_momentum, pct))
    return {"lr": lrs, "momentum": momenta}
