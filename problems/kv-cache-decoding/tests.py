import math

import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, e, chunks = params["batch"], params["embed"], params["chunks"]
    bound = 1 / math.sqrt(e)

    def uniform(*shape: int) -> torch.Tensor:
        return ((torch.rand(*shape, generator=generator, dtype=torch.float64) * 2 - 1) * bound).to(dtype)

    x = torch.randn(b, sum(chunks), e, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    return {
        "x": x.to(dtype),
        "chunks": list(chunks),
        "num_heads": params["heads"],
        "state": {"qkv_weight": uniform(3 * e, e), "qkv_bias": uniform(3 * e),
                  "proj_weight": uniform(e, e), "proj_bias": uniform(e)},
    }


def run(solution, inputs: dict) -> dict:
    x, state = inputs["x"], inputs["state"]
    layer = solution.CachedCausalSelfAttention(x.shape[-1], inputs["num_heads"])
    layer.load_state_dict({
        "qkv.weight": state["qkv_weight"], "qkv.bias": state["qkv_bias"],
        "proj.weight": state["proj_weight"], "proj.bias": state["proj_bias"],
    }, strict=True)
    layer = layer.to(device=x.device, dtype=x.dtype).eval()
    with torch.no_grad():
        full, full_present = layer(x)  # the whole sequence at once, no cache
        pieces, past, start = [], None, 0
        for size in inputs["chunks"]:  # a prompt, then tokens (or short chunks) one call at a time
            out, past = layer(x[:, start:start + size], past)
            pieces.append(out)
            start += size
    return {
        "full": full, "full_k": full_present[0], "full_v": full_present[1],
        "incremental": torch.cat(pieces, dim=1), "cache_k": past[0], "cache_v": past[1],
    }
