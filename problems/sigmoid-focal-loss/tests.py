import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shape = list(params["shape"])
    if params.get("transpose"):
        shape = shape[::-1]
    logits = torch.randn(*shape, generator=generator, dtype=torch.float64) * float(params.get("scale", 2.0))
    extreme = float(params.get("extreme", 0.0))
    if extreme:
        # A share of very confident logits, right and wrong alike.
        hit = torch.rand(*shape, generator=generator) < 0.3
        sign = torch.where(torch.rand(*shape, generator=generator) < 0.5, -1.0, 1.0).to(torch.float64)
        logits = torch.where(hit, sign * extreme, logits)
    # Mostly negatives, as in dense detection: about 10% positives.
    targets = (torch.rand(*shape, generator=generator) < float(params.get("positive_rate", 0.1))).to(torch.float64)
    style = params.get("targets", "hard")
    if style == "smoothed":
        targets = targets * 0.9 + 0.05
    elif style == "soft":
        targets = torch.rand(*shape, generator=generator, dtype=torch.float64)
    logits, targets = logits.to(dtype), targets.to(dtype)
    if params.get("transpose"):
        logits, targets = logits.mT, targets.mT
    return {"inputs": logits, "targets": targets, "alpha": float(params.get("alpha", 0.25)),
            "gamma": float(params.get("gamma", 2.0)), "reduction": params.get("reduction", "none")}
