import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    n = params["n"]
    dtype = getattr(torch, params.get("dtype", "float32"))
    prior = params.get("prior", 0.4)
    labels = (torch.rand(n, generator=generator) < prior).long()
    if params.get("force_both") and n >= 2:
        labels[0], labels[1] = 1, 0
    scores = torch.randn(n, generator=generator, dtype=torch.float64) + labels * params.get("signal", 1.0)
    levels = params.get("levels")
    if levels:
        # Coarse scores (e.g. from a rating scale or a quantized model): many ties.
        scores = torch.round(torch.sigmoid(scores) * levels) / levels
    scores = scores * params.get("scale", 1.0)
    if params.get("infinite"):
        scores[: max(1, n // 10)] = float("inf")
        scores[n // 10: 2 * (n // 10)] = float("-inf")
    if params.get("constant"):
        scores = torch.full_like(scores, 0.25)
    scores = scores.to(dtype)
    if params.get("strided"):
        scores = scores.repeat_interleave(2)[::2]
        labels = labels.repeat_interleave(2)[::2]
    return {"scores": scores, "labels": labels}
