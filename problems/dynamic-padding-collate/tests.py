import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    n, max_len = params["n"], params["max_len"]
    if params.get("equal"):
        lengths = [max_len] * n
    else:
        lengths = torch.randint(1, max_len + 1, (n,), generator=generator).tolist()
    sequences = [torch.randint(10, 1000, (length,), generator=generator) for length in lengths]
    return {
        "sequences": sequences, "labels": torch.randint(0, 5, (n,), generator=generator),
        "batch_size": int(params["batch_size"]), "pad_id": int(params.get("pad_id", 0)),
        "pad_to_multiple_of": int(params.get("multiple", 1)), "padding_side": params.get("side", "right"),
    }
