import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shape = list(params["shape"])
    if params.get("transpose"):
        shape = list(reversed(shape))
    x = torch.randn(*shape, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    if params.get("mask_prob"):
        mask = torch.rand(*shape, generator=generator) < params["mask_prob"]
        mask[..., 0] = False  # every row keeps a finite logit
        x = x.masked_fill(mask, float("-inf"))
    grad = torch.randn(*shape, generator=generator, dtype=torch.float64)
    x, grad = x.to(dtype), grad.to(dtype)
    if params.get("transpose"):
        x, grad = x.mT, grad.mT
    return {"x": x, "grad_output": grad}


def run(solution, inputs):
    x = inputs["x"].detach().clone().requires_grad_(True)
    y = solution.SoftmaxFunction.apply(x)
    y.backward(inputs["grad_output"])
    return {"y": y.detach(), "grad_x": x.grad}
