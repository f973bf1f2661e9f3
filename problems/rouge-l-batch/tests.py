import torch


def _noisy_copy(ref: list[int], vocab: int, rate: float, generator: torch.Generator) -> list[int]:
    """Drop about rate/2 of the tokens, then insert as many random ones at random places (never token 0)."""
    keep = (torch.rand(len(ref), generator=generator) >= rate / 2).tolist()
    out = [tok for tok, k in zip(ref, keep) if k]
    n_new = round(len(ref) * rate / 2)
    places = torch.randint(0, len(out) + 1, (n_new,), generator=generator).tolist()
    tokens = torch.randint(1, vocab, (n_new,), generator=generator).tolist()
    for place, tok in sorted(zip(places, tokens), reverse=True):
        out.insert(place, tok)
    return out


def _pad(rows: list[list[int]], pad_id: int, left: bool) -> torch.Tensor:
    width = max(1, max(len(r) for r in rows))
    return torch.tensor([[pad_id] * (width - len(r)) + r if left else r + [pad_id] * (width - len(r)) for r in rows],
                        dtype=torch.int64)


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    pad_id = params.get("pad_id", 0)
    if "candidates" in params:  # explicit rows, already padded
        cands = torch.tensor(params["candidates"], dtype=torch.int64)
        refs = torch.tensor(params["references"], dtype=torch.int64)
        return {"candidates": cands, "references": refs, "pad_id": pad_id, "beta": float(params.get("beta", 1.0))}
    vocab, batch, length = params.get("vocab", 20), params["batch"], params["length"]
    refs, cands = [], []
    for _ in range(batch):
        n = int(torch.randint(params.get("min_length", 1), length + 1, (1,), generator=generator))
        ref = torch.randint(1, vocab, (n,), generator=generator).tolist()
        refs.append(ref)
        cands.append(_noisy_copy(ref, vocab, params.get("noise", 0.4), generator)[: params.get("max_cand", 10**9)])
    if pad_id != 0:  # ids are 1..vocab-1; move token pad_id to 0 so that it never occurs in the text
        refs = [[0 if t == pad_id else t for t in r] for r in refs]
        cands = [[0 if t == pad_id else t for t in c] for c in cands]
    return {"candidates": _pad(cands, pad_id, params.get("left_pad", False)),
            "references": _pad(refs, pad_id, False), "pad_id": pad_id, "beta": float(params.get("beta", 1.0))}
