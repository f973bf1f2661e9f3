import torch


def _edit(tokens: list[int], vocab: int, rate: float, generator: torch.Generator) -> list[int]:
    """A noisy copy: substitutions, deletions and insertions at the given rate."""
    out = []
    for tok in tokens:
        u = float(torch.rand(1, generator=generator))
        if u < rate / 3:
            continue
        if u < 2 * rate / 3:
            out.append(int(torch.randint(0, vocab, (1,), generator=generator)))
            continue
        out.append(tok)
        if u < rate:
            out.append(int(torch.randint(0, vocab, (1,), generator=generator)))
    return out


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    vocab = params.get("vocab", 20)
    length = params.get("length", 12)
    source = torch.randint(0, vocab, (length,), generator=generator).tolist()
    refs = [_edit(source, vocab, params.get("ref_noise", 0.3), generator) for _ in range(params.get("refs", 2))]
    mode = params.get("mode", "edit")
    if mode == "copy":
        candidate = list(refs[0])
    elif mode == "repeat":
        # The classic "the the the the" candidate: one very common token repeated.
        candidate = [source[0]] * params.get("cand_length", length)
    elif mode == "explicit":
        candidate = list(params["candidate"])
        refs = [list(r) for r in params["references"]]
    else:
        candidate = _edit(source, vocab, params.get("cand_noise", 0.3), generator)
        cut = params.get("cand_length")
        if cut is not None:
            candidate = candidate[:cut]
    return {"candidate": candidate, "references": refs, "max_n": params.get("max_n", 4)}
