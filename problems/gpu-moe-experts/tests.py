import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    t, d, f, e = params["t"], params["d"], params["f"], params["e"]
    x = torch.randn(d, t, generator=generator).T if params.get("transpose") else torch.randn(t, d, generator=generator)
    if params.get("skew"):  # a popular expert, as routers often produce
        probs = torch.full((e,), 1.0)
        probs[0] = 4.0 * e
        expert_of = torch.multinomial(probs, t, replacement=True, generator=generator)
    else:
        expert_of = torch.randint(0, e, (t,), generator=generator)
    weights = torch.randn(e, f, d, generator=generator) * d**-0.5
    return {"x": x.to(torch.bfloat16), "expert_of": expert_of, "weights": weights.to(torch.bfloat16)}
