import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, lq, lk, d, dv = params["batch"], params["lq"], params["lk"], params["d"], params["dv"]
    scale = params.get("scale", 1.0)

    def rand(*shape: int) -> torch.Tensor:
        return torch.randn(*shape, generator=generator, dtype=torch.float64)

    if params.get("transpose"):
        # Non-contiguous views: generate the transposed layout and swap the last two dims back.
        q = rand(b, d, lq).mT
        k = rand(b, d, lk).mT
        v = rand(b, dv, lk).mT
    else:
        q, k, v = rand(b, lq, d), rand(b, lk, d), rand(b, lk, dv)
    q = (q * scale).to(dtype)
    k = k.to(dtype)
    v = v.to(dtype)
    mask = None
    if not params.get("no_mask"):
        mask = torch.zeros(b, lk, dtype=torch.bool)
        for i, n in enumerate(params.get("pad", [])):  # right padding: the last n keys
            if n:
                mask[i, lk - n:] = True
        for i, n in enumerate(params.get("left_pad", [])):  # left padding: the first n keys
            mask[i, :n] = True
    return {"q": q, "k": k, "v": v, "key_padding_mask": mask, "causal": bool(params.get("causal", False))}
