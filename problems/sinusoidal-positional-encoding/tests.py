import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    offset = params.get("offset", 0)
    if params.get("random_offset"):
        offset += int(torch.randint(0, params["random_offset"], (1,), generator=generator))
    return {
        "seq_len": params["seq_len"],
        "d_model": params["d_model"],
        "base": float(params.get("base", 10000.0)),
        "offset": offset,
    }
