import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    vocab, dim, bags = params["vocab"], params["dim"], params["bags"]
    weight = torch.randn(vocab, dim, generator=generator) * params.get("scale", 1.0)
    lengths = torch.randint(1, params["max_len"] + 1, (bags,), generator=generator)
    for b in params.get("empty", []):
        lengths[b] = 0
    offsets = torch.cat([torch.zeros(1, dtype=torch.long), lengths.cumsum(0)[:-1]])
    total = int(lengths.sum())
    indices = torch.randint(0, vocab, (total,), generator=generator)
    per_sample_weights = torch.rand(total, generator=generator) * 2 - 0.5
    return {"weight": weight, "indices": indices, "offsets": offsets, "per_sample_weights": per_sample_weights}
