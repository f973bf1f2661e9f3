import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    m, k, n = params["m"], params["k"], params["n"]
    scale = params.get("scale", 1.0)
    x = torch.randn(k, m, generator=generator).T if params.get("transpose") else torch.randn(m, k, generator=generator)
    gamma = 1.0 + 0.2 * torch.randn(k, generator=generator)
    weight = torch.randn(n, k, generator=generator) * k**-0.5
    return {"x": (x * scale).to(torch.bfloat16), "gamma": gamma.to(torch.bfloat16),
            "weight": weight.to(torch.bfloat16), "eps": float(params.get("eps", 1e-6))}
