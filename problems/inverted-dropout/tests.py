import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shape = list(params["shape"])
    if params.get("transpose"):
        shape = list(reversed(shape))
    x = torch.randn(*shape, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    x = x.to(dtype)
    if params.get("transpose"):
        x = x.mT
    seed = int(torch.randint(0, 2**31 - 1, (1,), generator=generator).item())
    return {"x": x, "p": float(params["p"]), "training": bool(params["training"]), "seed": seed}
