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
    if params.get("grid"):
        # Uniforms on a grid of tenths, so some equal p exactly: the side of the threshold matters.
        u = torch.randint(0, 10, x.shape, generator=generator).to(torch.float32) / 10
    else:
        u = torch.rand(x.shape, generator=generator, dtype=torch.float32)
    return {"x": x, "p": float(params["p"]), "training": bool(params["training"]), "u": u}
