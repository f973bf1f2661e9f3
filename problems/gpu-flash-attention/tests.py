import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    b, h, length, d = params["b"], params["h"], params["l"], params["d"]

    def randn(scale: float = 1.0) -> torch.Tensor:
        if params.get("transpose"):  # same values, sequence-major storage
            return (torch.randn(b, length, h, d, generator=generator) * scale).transpose(1, 2)
        return torch.randn(b, h, length, d, generator=generator) * scale

    return {"q": randn(params.get("scale", 1.0)), "k": randn(), "v": randn(), "causal": bool(params["causal"])}
