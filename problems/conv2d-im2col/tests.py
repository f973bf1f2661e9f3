import math

import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    n, c_in, c_out, groups = params["n"], params["c_in"], params["c_out"], params.get("groups", 1)
    h, w = params["hw"]
    kh, kw = params["kernel"]
    x = torch.randn(n, c_in, h, w, generator=generator, dtype=torch.float64)
    # Kaiming-like scale keeps outputs near 1 whatever the fan-in, so the tolerance means the same everywhere.
    fan_in = (c_in // groups) * kh * kw
    weight = torch.randn(c_out, c_in // groups, kh, kw, generator=generator, dtype=torch.float64) / math.sqrt(fan_in)
    bias = torch.randn(c_out, generator=generator, dtype=torch.float64) if params.get("bias", True) else None
    x, weight = x.to(dtype), weight.to(dtype)
    if params.get("channels_last"):
        x = x.contiguous(memory_format=torch.channels_last)
    return {"x": x, "weight": weight, "bias": None if bias is None else bias.to(dtype),
            "stride": list(params.get("stride", [1, 1])), "padding": list(params.get("padding", [0, 0])),
            "dilation": list(params.get("dilation", [1, 1])), "groups": groups}
