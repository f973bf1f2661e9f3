import math

import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, length, d = params["batch"], params["length"], params["d_model"]
    h, h_kv = params["heads"], params["kv_heads"]
    hd = params.get("head_dim", d // h)

    def weight(out: int, inp: int) -> torch.Tensor:
        return (torch.randn(out, inp, generator=generator, dtype=torch.float64) / math.sqrt(inp)).to(dtype)

    x = torch.randn(b, length, d, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    mask = None
    if "pad" in params:
        mask = torch.zeros(b, length, dtype=torch.bool)
        for i, n in enumerate(params["pad"]):
            if n:
                mask[i, length - n:] = True  # right padding: position 0 is always real
    return {
        "x": x.to(dtype), "wq": weight(h * hd, d), "wk": weight(h_kv * hd, d), "wv": weight(h_kv * hd, d),
        "wo": weight(d, h * hd), "num_heads": h, "num_kv_heads": h_kv, "key_padding_mask": mask,
    }
