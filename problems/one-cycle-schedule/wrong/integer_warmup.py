import math


def one_cycle(max_lr, total_steps, pct_start=0.3, div_factor=25.0, final_div_factor=1.0e4,
              base_momentum=0.85, max_momentum=0.95):
    # wrong: a warm-up of round(pct_start * total_steps) steps that reaches max_lr one step after
    # OneCycleLR does, and a peak rounded to an integer step
    warmup = round(pct_start * total_steps)
    initial_lr = max_lr / div_factor
    min_lr = initial_lr / final_div_factor
    lrs, momenta = [], []
    for step in range(total_steps):
        if step < warmup:
            pct = step / warmup
            start, end, m_start, m_end = initial_lr, max_lr, max_momentum, base_momentum
        else:
            pct = (step - warmup) / max(total_steps - 1 - warmup, 1)
            start, end, m_start, m_end = max_lr, min_lr, base_momentum, max_momentum
        weight = (math.cos(math.pi * pct) + 1.0) / 2.0
        lrs.append(end + (start - end) * weight)
        momenta.append(m_end + (m_start - m_end) * weight)
    return {"lr": lrs, "momentum": momenta}
