import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    n, c = params["n"], params["c"]
    dtype = getattr(torch, params.get("dtype", "float32"))
    prevalence = torch.rand(c, generator=generator, dtype=torch.float64) * 0.6 + 0.05
    empty = params.get("empty_classes", 0)
    if empty:
        prevalence[:empty] = 0.0  # classes that never occur
    targets = (torch.rand(n, c, generator=generator, dtype=torch.float64) < prevalence).to(torch.float64)
    # Informative logits: positives tend to score higher.
    logits = torch.randn(n, c, generator=generator, dtype=torch.float64) * params.get("scale", 2.0)
    logits = logits + (targets * 2 - 1) * params.get("signal", 1.5)
    if empty:
        logits[:, :empty] = -40.0 - torch.rand(n, empty, generator=generator, dtype=torch.float64)
    if params.get("extreme"):
        flip = torch.rand(n, c, generator=generator, dtype=torch.float64) < 0.5
        logits = torch.where(flip, logits * 500.0, logits)
    thresholds = torch.rand(c, generator=generator, dtype=torch.float64) * 0.6 + 0.2
    logits, targets, thresholds = logits.to(dtype), targets.to(dtype), thresholds.to(dtype)
    if params.get("transpose"):
        logits = logits.t().contiguous().t()
        targets = targets.t().contiguous().t()
    return {"logits": logits, "targets": targets, "thresholds": thresholds}
