def step_lr(base_lr, step_size, gamma, epochs):
    return [base_lr * gamma ** (e // step_size) for e in range(epochs + 1)]
