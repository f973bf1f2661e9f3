import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shape = list(params["shape"])
    if params.get("transpose"):
        shape = list(reversed(shape))
    if params.get("ties"):
        # Small integer logits: many exact ties, so the tie-breaking rule matters.
        x = torch.randint(-3, 4, shape, generator=generator).to(torch.float64)
    else:
        x = torch.randn(*shape, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    if params.get("ban_prob"):
        banned = torch.rand(*shape, generator=generator) < params["ban_prob"]
        if params.get("transpose"):
            banned[0, :] = False
        else:
            banned[:, 0] = False
        x = x.masked_fill(banned, float("-inf"))
    x = x.to(dtype)
    if params.get("transpose"):
        x = x.mT
    return {"logits": x, "top_k": int(params["top_k"]), "top_p": float(params["top_p"])}


def _near_boundary(logits: torch.Tensor, top_k: int, top_p: float, band: float = 1e-4) -> torch.Tensor:
    """Positions whose top-p decision depends on rounding: the mass before them is within `band` of top_p."""
    x = logits.double()
    sorted_x, order = torch.sort(x, dim=-1, descending=True, stable=True)
    by_rank = torch.zeros_like(sorted_x, dtype=torch.bool)
    if top_p < 1.0:
        cut = 0 < top_k < x.shape[-1]
        if cut:
            sorted_x[..., top_k:] = float("-inf")
        probs = torch.softmax(sorted_x, dim=-1)
        before = probs.cumsum(-1) - probs
        by_rank = (before - top_p).abs() < band
        by_rank[..., 0] = False
        if cut:
            by_rank[..., top_k:] = False  # top-k removals are exact, never a matter of rounding
    near = by_rank
    return torch.zeros_like(near).scatter(-1, order, near)


def check(got, expected, inputs, params):
    if not isinstance(got, torch.Tensor):
        return f"expected a tensor, got {type(got).__name__}"
    if got.shape != expected.shape:
        return f"shape {tuple(got.shape)}, expected {tuple(expected.shape)}"
    if got.dtype != expected.dtype:
        return f"dtype {got.dtype}, expected {expected.dtype}"
    logits = inputs["logits"]
    neg_inf = torch.full_like(got, float("-inf"))
    valid = (got == logits) | (got == neg_inf)
    if not bool(valid.all()):
        row, col = (~valid).nonzero()[0].tolist()
        return f"entry ({row}, {col}) is neither the original logit nor -inf"
    differ = got != expected
    if not bool(differ.any()):
        return None
    allowed = _near_boundary(logits, inputs["top_k"], inputs["top_p"])
    bad = differ & ~allowed
    if bool(bad.any()):
        rows = bad.any(-1).nonzero().flatten().tolist()
        kept = (got != neg_inf).sum(-1)[rows[0]].item()
        want = (expected != neg_inf).sum(-1)[rows[0]].item()
        return (f"{len(rows)} row(s) keep a different set of tokens; first row {rows[0]} keeps {kept} "
                f"token(s), expected {want}")
    return None
