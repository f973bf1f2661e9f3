import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    b, c, co, h, w = params["b"], params["c"], params["co"], params["h"], params["w"]
    x = torch.randn(b, c, h, w, generator=generator) * params.get("scale", 1.0)
    weight = torch.randn(co, c, 3, 3, generator=generator) * (9 * c) ** -0.5
    bias = torch.randn(co, generator=generator) * 0.2
    x = x.to(torch.bfloat16)
    if params.get("channels_last"):
        x = x.contiguous(memory_format=torch.channels_last)
    return {"x": x, "weight": weight.to(torch.bfloat16), "bias": bias.to(torch.bfloat16)}
