import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shape = list(params["shape"])
    x = torch.randn(*shape, generator=generator, dtype=torch.float64).to(dtype)
    branch = torch.randn(*shape, generator=generator, dtype=torch.float64).to(dtype)
    if params.get("transpose"):
        # Same values, stored with the last two dimensions swapped in memory.
        x = x.mT.contiguous().mT
        branch = branch.mT.contiguous().mT
    n = shape[0]
    if params.get("grid"):
        # Uniforms on a grid of tenths, so some equal drop_prob exactly.
        u = torch.randint(0, 10, (n,), generator=generator).to(torch.float32) / 10
    else:
        u = torch.rand(n, generator=generator, dtype=torch.float32)
    return {"x": x, "branch": branch, "drop_prob": float(params["drop_prob"]),
            "training": bool(params.get("training", True)), "u": u,
            "scale_by_keep": bool(params.get("scale_by_keep", True))}
