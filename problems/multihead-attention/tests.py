import math

import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, length, e = params["batch"], params["length"], params["embed"]

    def uniform(*shape: int, bound: float) -> torch.Tensor:
        return ((torch.rand(*shape, generator=generator, dtype=torch.float64) * 2 - 1) * bound).to(dtype)

    bound = math.sqrt(6.0 / (e + 3 * e))  # the Xavier bound nn.MultiheadAttention uses for in_proj
    state = {
        "in_proj_weight": uniform(3 * e, e, bound=bound),
        "in_proj_bias": uniform(3 * e, bound=0.1),
        "out_proj_weight": uniform(e, e, bound=1 / math.sqrt(e)),
        "out_proj_bias": uniform(e, bound=1 / math.sqrt(e)),
    }
    if params.get("transpose"):
        x = torch.randn(b, e, length, generator=generator, dtype=torch.float64).mT
    else:
        x = torch.randn(b, length, e, generator=generator, dtype=torch.float64)
    x = (x * params.get("scale", 1.0)).to(dtype)
    mask = None
    if not params.get("no_mask"):
        mask = torch.zeros(b, length, dtype=torch.bool)
        for i, n in enumerate(params.get("pad", [])):
            if n:
                mask[i, length - n:] = True
    return {
        "x": x, "key_padding_mask": mask, "causal": bool(params.get("causal", False)),
        "num_heads": params["heads"], "state": state,
    }


def run(solution, inputs: dict) -> dict:
    x = inputs["x"]
    state = inputs["state"]
    model = solution.MultiHeadSelfAttention(x.shape[-1], inputs["num_heads"]).to(device=x.device, dtype=x.dtype)
    model.load_state_dict({
        "in_proj_weight": state["in_proj_weight"],
        "in_proj_bias": state["in_proj_bias"],
        "out_proj.weight": state["out_proj_weight"],
        "out_proj.bias": state["out_proj_bias"],
    }, strict=True)
    model.eval()
    with torch.no_grad():
        out, weights = model(x, key_padding_mask=inputs["key_padding_mask"], causal=inputs["causal"])
    return {"out": out, "weights": weights}
