import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    weights = []
    for i, shape in enumerate(params["shapes"]):
        if params.get("ties"):
            w = torch.randint(-3, 4, shape, generator=generator).to(torch.float64) * 0.5
        else:
            w = torch.randn(shape, generator=generator, dtype=torch.float64) * (1.0 + i)
        w = w.to(dtype)
        if params.get("transpose") and w.dim() == 2:
            w = w.mT.contiguous().mT
        weights.append(w)
    return {"weights": weights, "sparsity": float(params["sparsity"]), "scope": params["scope"]}
