import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shape = (params["batch"], params["heads"], params["length"], params["head_dim"])
    q, k, v = (torch.randn(*shape, generator=generator, dtype=torch.float64) for _ in range(3))
    scale = params.get("scale", 1.0)
    return {"q": (q * scale).to(dtype), "k": (k * scale).to(dtype), "v": v.to(dtype), "window": params["window"]}
