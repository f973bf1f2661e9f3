import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shape = list(params["shape"])
    x = torch.randn(shape, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    axis = params.get("axis", 0)
    if params.get("zero_channel") is not None:
        x.select(axis, params["zero_channel"]).zero_()
    if params.get("all_zero"):
        x.zero_()
    x = x.to(dtype)
    if params.get("transpose"):
        x = x.mT.contiguous().mT
    return {"x": x, "per_channel": bool(params["per_channel"]), "axis": axis}
