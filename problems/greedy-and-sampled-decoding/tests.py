import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    vocab = params["vocab"]
    if params.get("ties"):
        # Integer logits: rows have several equal maxima, so the greedy tie rule matters.
        transition = torch.randint(-2, 3, (vocab, vocab), generator=generator).to(torch.float64)
    else:
        transition = torch.randn(vocab, vocab, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    transition = transition.to(dtype)
    if params.get("transpose"):
        transition = transition.mT.contiguous().mT  # same values, column-major storage
    start = torch.randint(0, vocab, (params["batch"],), generator=generator)
    seed = int(torch.randint(0, 2**31 - 1, (1,), generator=generator))
    return {"transition": transition, "start": start, "steps": params["steps"],
            "temperature": float(params["temperature"]), "seed": seed}
