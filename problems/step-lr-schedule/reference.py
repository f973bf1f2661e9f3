def step_lr(base_lr: float, step_size: int, gamma: float, epochs: int) -> list[float]:
    # The rate is constant inside each block of step_size epochs, so compute one power per block.
    rates: list[float] = []
    block = 0
    while len(rates) < epochs:
        lr = base_lr * gamma**block
        rates.extend([lr] * min(step_size, epochs - len(rates)))
        block += 1
    return rates
