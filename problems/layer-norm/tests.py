import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shape = list(params["shape"])
    normalized_shape = shape[len(shape) - params["norm_dims"]:]
    if params.get("transpose"):
        x = torch.randn(*reversed(shape), generator=generator, dtype=torch.float64).mT
    else:
        x = torch.randn(*shape, generator=generator, dtype=torch.float64)
    x = x * params.get("scale", 1.0) + params.get("offset", 0.0)
    for row in params.get("constant_rows", []):
        x[row] = 3.0
    x = x.to(dtype)
    weight = bias = None
    if params.get("affine"):
        weight = (1.0 + 0.5 * torch.randn(*normalized_shape, generator=generator, dtype=torch.float64)).to(dtype)
        bias = (0.5 * torch.randn(*normalized_shape, generator=generator, dtype=torch.float64)).to(dtype)
    return {"x": x, "normalized_shape": normalized_shape, "weight": weight, "bias": bias,
            "eps": float(params.get("eps", 1e-5))}
