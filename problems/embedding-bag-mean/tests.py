import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    vocab, dim, bags = params["vocab"], params["dim"], params["bags"]
    if params.get("transpose"):
        weight = torch.randn(dim, vocab, generator=generator, dtype=torch.float64).to(dtype).T
    else:
        weight = torch.randn(vocab, dim, generator=generator, dtype=torch.float64).to(dtype)
    lengths = torch.randint(1, params["max_len"] + 1, (bags,), generator=generator)
    for b in params.get("empty", []):
        lengths[b] = 0
    offsets = torch.cat([torch.zeros(1, dtype=torch.long), lengths.cumsum(0)[:-1]])
    indices = torch.randint(0, vocab, (int(lengths.sum().item()),), generator=generator)
    return {"weight": weight, "indices": indices, "offsets": offsets}
