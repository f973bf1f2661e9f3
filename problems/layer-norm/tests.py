import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shape = list(params["shape"])
    normalized_shape = shape[len(shape) - params["norm_dims"]:]
    # Drawn in the input's own dtype: a float64 draw is five times slower, and the benchmark's 3M values are
    # drawn anew for every timed pair, so the draw decides how many pairs fit in the timing budget.
    if params.get("transpose"):
        x = torch.randn(*reversed(shape), generator=generator, dtype=dtype).mT
    else:
        x = torch.randn(*shape, generator=generator, dtype=dtype)
    scale, offset = params.get("scale", 1.0), params.get("offset", 0.0)
    if (scale, offset) != (1.0, 0.0):
        x = x * scale + offset
    for row in params.get("constant_rows", []):
        x[row] = 3.0
    weight = bias = None
    if params.get("affine"):
        weight = (1.0 + 0.5 * torch.randn(*normalized_shape, generator=generator, dtype=torch.float64)).to(dtype)
        bias = (0.5 * torch.randn(*normalized_shape, generator=generator, dtype=torch.float64)).to(dtype)
    return {"x": x, "normalized_shape": normalized_shape, "weight": weight, "bias": bias,
            "eps": float(params.get("eps", 1e-5))}
