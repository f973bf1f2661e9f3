import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shape = (params["b"], params["t"], params["c"], params["h"], params["w"])
    frames = torch.randn(*shape, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    return {"frames": frames.to(dtype), "k": params["k"]}
