import math

import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    t, d, ff, e = params["tokens"], params["d_model"], params["ff"], params["experts"]

    def randn(*shape: int, scale: float) -> torch.Tensor:
        return (torch.randn(*shape, generator=generator, dtype=torch.float64) * scale).to(dtype)

    gate = randn(e, d, scale=params.get("gate_scale", 1.0) / math.sqrt(d))
    if params.get("skewed"):
        gate[0] += 3.0 / math.sqrt(d)  # a collapsed router: most tokens prefer expert 0
    return {
        "x": randn(t, d, scale=1.0),
        "gate_weight": gate,
        "w1": randn(e, ff, d, scale=1 / math.sqrt(d)),
        "w2": randn(e, d, ff, scale=1 / math.sqrt(ff)),
        "top_k": params["top_k"],
    }
