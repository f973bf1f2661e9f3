import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shape = list(params["shape"])
    if params.get("transpose"):
        shape = list(reversed(shape))
    x = torch.randn(*shape, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    x = x + params.get("shift", 0.0)
    if params.get("mask_prob"):
        mask = torch.rand(*shape, generator=generator) < params["mask_prob"]
        mask[..., 0] = False  # at least one finite logit per row ...
        for row in params.get("full_rows", []):
            mask[row] = True  # ... except rows that are masked on purpose
        x = x.masked_fill(mask, float("-inf"))
    x = x.to(dtype)
    if params.get("transpose"):
        x = x.mT
    return {"x": x, "dim": params.get("dim", -1)}
