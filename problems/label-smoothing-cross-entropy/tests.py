import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    n, c = params["n"], params["classes"]
    if params.get("transpose"):
        logits = torch.randn(c, n, generator=generator, dtype=torch.float64).T
    else:
        logits = torch.randn(n, c, generator=generator, dtype=torch.float64)
    logits = (logits * params.get("scale", 1.0)).to(dtype)
    target = torch.randint(0, c, (n,), generator=generator)
    if params.get("ignore_prob"):
        ignored = torch.rand(n, generator=generator) < params["ignore_prob"]
        ignored[0] = False  # at least one example is kept
        target = target.masked_fill(ignored, -100)
    return {"logits": logits, "target": target, "eps": float(params["eps"]), "ignore_index": -100}


def run(solution, inputs):
    logits = inputs["logits"].detach().clone().requires_grad_(True)
    loss = solution.label_smoothing_cross_entropy(logits, inputs["target"], inputs["eps"], inputs["ignore_index"])
    loss.backward()
    return {"loss": loss.detach(), "grad": logits.grad}
