import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    batch = list(params.get("batch", [2]))
    lq, lk, d, dv = params["lq"], params["lk"], params["d"], params.get("dv", params["d"])
    scale = params.get("scale", 1.0)

    def randn(*shape):
        return (torch.randn(*shape, generator=generator, dtype=torch.float64) * scale).to(dtype)

    q = randn(*batch, lq, d)
    if params.get("non_contiguous"):
        # k is a transposed view of a (..., d, lk) tensor: same values layout-wise, not contiguous.
        k = randn(*batch, d, lk).transpose(-2, -1)
    else:
        k = randn(*batch, lk, d)
    v = (torch.randn(*batch, lk, dv, generator=generator, dtype=torch.float64)).to(dtype)

    mask = None
    kind = params.get("mask")
    if kind == "causal":
        mask = torch.ones(lq, lk, dtype=torch.bool).tril(diagonal=lk - lq)
    elif kind == "padding":
        # Key padding mask of shape (*batch, 1, lk): each sequence keeps a random-length prefix (>= 1).
        lengths = torch.randint(1, lk + 1, (*batch, 1, 1), generator=generator)
        mask = torch.arange(lk) < lengths
    elif kind == "random":
        mask = torch.rand(*batch, lq, lk, generator=generator) < params.get("keep", 0.5)
        if params.get("empty_rows"):
            # Some queries may attend to nothing at all.
            mask[..., ::3, :] = False
    return {"q": q, "k": k, "v": v, "mask": mask}
