import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    q, d = params["q"], params["d"]
    score_levels = params.get("score_levels")
    if score_levels:
        # Few distinct scores (e.g. a quantized model): many ties, which the index breaks.
        scores = torch.randint(0, score_levels, (q, d), generator=generator).to(torch.float64)
    else:
        scores = torch.randn(q, d, generator=generator, dtype=torch.float64)
    grades = params.get("grades", 4)
    relevant = torch.rand(q, d, generator=generator) < float(params.get("relevant_rate", 0.2))
    relevance = torch.randint(1, grades + 1, (q, d), generator=generator) * relevant
    empty = float(params.get("empty_rate", 0.0))
    if empty:
        no_relevant = torch.rand(q, generator=generator) < empty
        relevance[no_relevant] = 0
    return {"scores": scores.to(dtype), "relevance": relevance.to(torch.int64), "k": int(params["k"])}
