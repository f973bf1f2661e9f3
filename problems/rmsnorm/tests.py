import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shape = list(params["shape"])
    if params.get("transpose"):
        shape = shape[::-1]
    x = torch.randn(*shape, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    x = (x + params.get("shift", 0.0)).to(dtype)
    if params.get("transpose"):
        x = x.mT
    weight = (1.0 + 0.2 * torch.randn(x.shape[-1], generator=generator, dtype=torch.float64)).to(dtype)
    return {"x": x, "weight": weight, "eps": float(params.get("eps", 1e-6))}
