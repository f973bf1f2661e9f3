import math

import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, n = params["b"], params["n"]
    x = torch.randn(b, n, generator=generator, dtype=torch.float64)
    if "tone" in params:
        t = torch.arange(n, dtype=torch.float64) / 16000.0
        x = x * 0.01 + torch.sin(2 * math.pi * params["tone"] * t)
    x = (x * params.get("scale", 1.0)).to(dtype)
    if params.get("transpose"):
        x = x.T.contiguous().mT
    return {"x": x, "n_fft": params["n_fft"], "hop": params["hop"]}
