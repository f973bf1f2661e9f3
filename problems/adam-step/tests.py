import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shapes = [tuple(s) for s in params["shapes"]]
    transpose = params.get("transpose", False)

    def tensor(shape, scale):
        if transpose and len(shape) == 2:
            x = torch.randn(shape[1], shape[0], generator=generator, dtype=torch.float64).mT
        else:
            x = torch.randn(shape, generator=generator, dtype=torch.float64)
        return (x * scale).to(dtype)

    weights = [tensor(s, 1.0) for s in shapes]
    grads = []
    for step in range(params["steps"]):
        scale = params.get("grad_scale", 1.0)
        if step in params.get("zero_steps", []):
            scale = 0.0
        grads.append([tensor(s, scale) for s in shapes])
    return {"params": weights, "grads": grads, "lr": float(params.get("lr", 1e-3)),
            "beta1": float(params.get("beta1", 0.9)), "beta2": float(params.get("beta2", 0.999)),
            "eps": float(params.get("eps", 1e-8)), "weight_decay": float(params.get("weight_decay", 0.0))}


def run(solution, inputs: dict) -> dict:
    """The result, and whether the initial parameters survived the call (the statement forbids changing them)."""
    before = [p.clone() for p in inputs["params"]]
    result = solution.adam_steps(**inputs)
    return {"result": result, "params_unchanged": all(torch.equal(a, b) for a, b in zip(before, inputs["params"]))}
