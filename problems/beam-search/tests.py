import torch

# A hand-checked table (start 5, EOS 3, beam 3, 5 steps) where EOS candidates of several beams land in the
# ranking between the alive candidates; only those ranked below beam_size may finish.
RANK_LIMIT_TABLE = [
    [1.1, 1.9, -0.8, 1.9, 1.1, -1.5],
    [-0.1, 1.6, -0.7, -0.0, 1.9, 0.5],
    [-0.4, -0.0, -0.3, 0.8, -0.1, 0.4],
    [-0.9, -0.0, -1.1, -0.1, -0.5, 0.6],
    [1.3, 0.2, 0.4, 0.6, -1.1, -0.4],
    [1.0, -0.6, -1.4, -1.1, 1.5, 0.6],
]


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    vocab = params["vocab"]
    if params.get("rank_limit"):
        noise = torch.randn(6, 6, generator=generator, dtype=torch.float64) * 1e-3
        return {"transition": torch.tensor(RANK_LIMIT_TABLE, dtype=torch.float64) + noise, "start": 5,
                "beam_size": 3, "max_len": 5, "eos": 3, "length_penalty": 0.0}
    if params.get("ties"):
        transition = torch.randint(-1, 2, (vocab, vocab), generator=generator).to(torch.float64)
    else:
        transition = torch.randn(vocab, vocab, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    eos = int(torch.randint(0, vocab, (1,), generator=generator))
    transition[:, eos] += params.get("eos_bias", 0.0)
    start = int(torch.randint(0, vocab, (1,), generator=generator))
    if params.get("transpose"):
        transition = transition.mT.contiguous().mT
    return {"transition": transition, "start": start, "beam_size": params["beam_size"],
            "max_len": params["max_len"], "eos": eos, "length_penalty": float(params.get("length_penalty", 0.0))}
