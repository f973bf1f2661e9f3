import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    n, k = params["n"], params["k"]
    # Imbalanced class frequencies.
    freq = torch.rand(k, generator=generator, dtype=torch.float64) ** 2 + 0.01
    absent = params.get("absent_true", 0)
    if absent:
        freq[-absent:] = 0.0  # the last classes never occur in y_true
    y_true = torch.multinomial(freq, n, replacement=True, generator=generator)
    correct = torch.rand(n, generator=generator) < params.get("accuracy", 0.6)
    noise = torch.randint(0, k, (n,), generator=generator)
    never = params.get("never_predicted", 0)
    if never:
        noise = noise % (k - never)  # the first classes below k - never only
        y_pred = torch.where(correct & (y_true < k - never), y_true, noise)
    else:
        y_pred = torch.where(correct, y_true, noise)
    if params.get("strided"):
        y_true = y_true.repeat_interleave(2)[::2]
        y_pred = y_pred.repeat_interleave(2)[::2]
    return {"y_true": y_true, "y_pred": y_pred, "num_classes": k}
