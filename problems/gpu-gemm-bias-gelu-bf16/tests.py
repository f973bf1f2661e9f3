import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    m, k, n = params["m"], params["k"], params["n"]
    scale = params.get("scale", 1.0)

    def randn(*shape: int, std: float) -> torch.Tensor:
        return (torch.randn(*shape, generator=generator) * std).to(torch.bfloat16)

    x = randn(m, k, std=scale)
    weight = randn(k, n, std=k**-0.5).T if params.get("transpose") else randn(n, k, std=k**-0.5)
    return {"x": x, "weight": weight, "bias": randn(n, std=0.5)}
