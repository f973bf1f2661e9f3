import math

import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, length, d, ff = params["batch"], params["length"], params["d_model"], params["ff"]

    def uniform(*shape: int, bound: float) -> torch.Tensor:
        return ((torch.rand(*shape, generator=generator, dtype=torch.float64) * 2 - 1) * bound).to(dtype)

    def around_one(n: int) -> torch.Tensor:  # trained LayerNorms are not the identity
        return (1 + 0.3 * torch.randn(n, generator=generator, dtype=torch.float64)).to(dtype)

    state = {
        "self_attn.in_proj_weight": uniform(3 * d, d, bound=math.sqrt(6 / (4 * d))),
        "self_attn.in_proj_bias": uniform(3 * d, bound=0.1),
        "self_attn.out_proj.weight": uniform(d, d, bound=1 / math.sqrt(d)),
        "self_attn.out_proj.bias": uniform(d, bound=0.1),
        "linear1.weight": uniform(ff, d, bound=1 / math.sqrt(d)),
        "linear1.bias": uniform(ff, bound=1 / math.sqrt(d)),
        "linear2.weight": uniform(d, ff, bound=1 / math.sqrt(ff)),
        "linear2.bias": uniform(d, bound=1 / math.sqrt(ff)),
        "norm1.weight": around_one(d), "norm1.bias": uniform(d, bound=0.2),
        "norm2.weight": around_one(d), "norm2.bias": uniform(d, bound=0.2),
    }
    x = torch.randn(b, length, d, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    x = x + params.get("shift", 0.0)
    mask = None
    if "pad" in params:
        mask = torch.zeros(b, length, dtype=torch.bool)
        for i, n in enumerate(params["pad"]):
            if n:
                mask[i, length - n:] = True
    return {"x": x.to(dtype), "key_padding_mask": mask, "nhead": params["heads"], "ff": ff, "state": state}


def run(solution, inputs: dict) -> torch.Tensor:
    x = inputs["x"]
    block = solution.PreLNBlock(x.shape[-1], inputs["nhead"], inputs["ff"])
    block.load_state_dict(inputs["state"], strict=True)
    block = block.to(device=x.device, dtype=x.dtype).eval()
    with torch.no_grad():
        return block(x, key_padding_mask=inputs["key_padding_mask"])
