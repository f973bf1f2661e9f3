import torch


def _edit(tokens: list[int], vocab: int, rate: float, generator: torch.Generator) -> list[int]:
    """A noisy copy: substitutions, deletions and insertions at the given rate (token 0 is never drawn)."""
    out = []
    for tok in tokens:
        u = float(torch.rand(1, generator=generator))
        if u < rate / 3:
            continue
        if u < 2 * rate / 3:
            out.append(int(torch.randint(1, vocab, (1,), generator=generator)))
            continue
        out.append(tok)
        if u < rate:
            out.append(int(torch.randint(1, vocab, (1,), generator=generator)))
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
        cands.append(_edit(ref, vocab, params.get("noise", 0.4), generator)[: params.get("max_cand", 10**9)])
    if pad_id != 0:  # ids are 1..vocab-1; move token pad_id to 0 so that it never occurs in the text
        refs = [[0 if t == pad_id else t for t in r] for r in refs]
        cands = [[0 if t == pad_id else t for t in c] for c in cands]
    return {"candidates": _pad(cands, pad_id, params.get("left_pad", False)),
            "references": _pad(refs, pad_id, False), "pad_id": pad_id, "beta": float(params.get("beta", 1.0))}
