import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    m, k, n = params["m"], params["k"], params["n"]
    if params.get("transpose"):
        x = torch.randn(k, m, generator=generator).T
    else:
        x = torch.randn(m, k, generator=generator)
    x = (x * params.get("x_scale", 1.0)).to(torch.float16)
    # A real layer's weights, quantised symmetrically per output channel.
    weight = torch.randn(n, k, generator=generator) * k**-0.5 * params.get("w_scale", 1.0) * 10
    scale = weight.abs().amax(dim=1).clamp_min(1e-8) / 127
    qweight = torch.round(weight / scale[:, None]).clamp(-127, 127).to(torch.int8)
    return {"x": x, "qweight": qweight, "scale": scale.to(torch.float16)}
