import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    m, d, f = params["m"], params["d"], params["f"]

    def randn(*shape: int, std: float) -> torch.Tensor:
        return (torch.randn(*shape, generator=generator) * std).to(torch.bfloat16)

    scale = params.get("scale", 1.0)
    x = randn(d, m, std=scale).T if params.get("transpose") else randn(m, d, std=scale)
    return {"x": x, "w_gate": randn(f, d, std=d**-0.5), "w_up": randn(f, d, std=d**-0.5),
            "w_down": randn(d, f, std=f**-0.5)}
