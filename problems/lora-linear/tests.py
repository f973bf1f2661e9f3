import math

import torch
from torch import nn


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    d_in, d_out, r = params["d_in"], params["d_out"], params["rank"]

    def randn(*shape: int, scale: float = 1.0) -> torch.Tensor:
        return (torch.randn(*shape, generator=generator, dtype=torch.float64) * scale).to(dtype)

    x_shape = params.get("x_shape", [4]) + [d_in]
    return {
        "x": randn(*x_shape),
        "weight": randn(d_out, d_in, scale=1 / math.sqrt(d_in)),
        "bias": randn(d_out, scale=0.1) if params.get("bias", True) else None,
        "lora_A": randn(r, d_in, scale=1 / math.sqrt(d_in)),
        "lora_B": randn(d_out, r, scale=params.get("b_scale", 0.5)),
        "upstream": randn(*x_shape[:-1], d_out),
        "rank": r,
        "alpha": float(params["alpha"]),
    }


def run(solution, inputs: dict) -> dict:
    x, weight, bias = inputs["x"], inputs["weight"], inputs["bias"]
    base = nn.Linear(weight.shape[1], weight.shape[0], bias=bias is not None, dtype=weight.dtype, device=x.device)
    with torch.no_grad():
        base.weight.copy_(weight)
        if bias is not None:
            base.bias.copy_(bias)
    torch.manual_seed(0)
    layer = solution.LoRALinear(base, inputs["rank"], inputs["alpha"])
    result = {
        "trainable": sorted(name for name, p in layer.named_parameters() if p.requires_grad),
        "b_starts_at_zero": bool((layer.lora_B == 0).all()),
        "a_starts_nonzero": bool((layer.lora_A != 0).any()),
        "out_at_init": layer(x).detach(),
    }
    with torch.no_grad():
        layer.lora_A.copy_(inputs["lora_A"])
        layer.lora_B.copy_(inputs["lora_B"])
    out = layer(x)
    (out * inputs["upstream"]).sum().backward()
    result.update(
        out=out.detach(),
        grad_A=layer.lora_A.grad,
        grad_B=layer.lora_B.grad,
        base_has_no_grad=base.weight.grad is None,
    )
    with torch.no_grad():
        layer.merge()
        result["merged_out"] = layer(x)
        result["merged_weight"] = layer.base.weight.detach().clone()
        layer.merge()  # a second merge must change nothing
        result["merged_twice_out"] = layer(x)
        layer.unmerge()
        result["unmerged_out"] = layer(x)
        result["restored_weight"] = layer.base.weight.detach().clone()
        layer.unmerge()  # unmerging an unmerged layer must change nothing
        result["unmerged_twice_out"] = layer(x)
    return result
