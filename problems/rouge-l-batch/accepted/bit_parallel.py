import torch


def _lcs_bits(a, b):
    # Allison-Dix / Hyyro bit-parallel LCS: one big-integer update per token of `a`, whatever len(b) is.
    if not a or not b:
        return 0
    masks = {}
    for j, tok in enumerate(b):
        masks[tok] = masks.get(tok, 0) | (1 << j)
    full = (1 << len(b)) - 1
    v = full
    for tok in a:
        u = v & masks.get(tok, 0)
        v = ((v + u) | (v - u)) & full
    return len(b) - bin(v).count("1")


def rouge_l(candidates, references, pad_id, beta=1.0):
    rows = []
    for cand, ref in zip(candidates.cpu().tolist(), references.cpu().tolist()):
        cand = [t for t in cand if t != pad_id]
        ref = [t for t in ref if t != pad_id]
        lcs = _lcs_bits(cand, ref)
        if lcs == 0:
            rows.append((0.0, 0.0, 0.0))
            continue
        p, r = lcs / len(cand), lcs / len(ref)
        # F as a weighted harmonic mean: 1/F = (1/(1+b^2)) / P + (b^2/(1+b^2)) / R, rounded differently.
        w = beta * beta / (1 + beta * beta)
        rows.append((p, r, 1.0 / ((1 - w) / p + w / r)))
    out = torch.tensor(rows, dtype=torch.float64, device=candidates.device).reshape(-1, 3).float()
    return {"precision": out[:, 0], "recall": out[:, 1], "f": out[:, 2]}
