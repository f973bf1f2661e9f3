import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    shape = list(params["shape"])
    if params.get("transpose"):
        shape = list(reversed(shape))
    x = torch.randn(*shape, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    x = x + params.get("offset", 0.0)
    grad = torch.randn(*shape, generator=generator, dtype=torch.float64)
    x, grad = x.to(dtype), grad.to(dtype)
    if params.get("transpose"):
        x, grad = x.mT, grad.mT
    d = x.shape[-1]
    weight = bias = None
    if params.get("affine", True):
        weight = (1.0 + 0.5 * torch.randn(d, generator=generator, dtype=torch.float64)).to(dtype)
        bias = (0.5 * torch.randn(d, generator=generator, dtype=torch.float64)).to(dtype)
    return {"x": x, "weight": weight, "bias": bias, "eps": float(params.get("eps", 1e-5)), "grad_output": grad}


def run(solution, inputs):
    x = inputs["x"].detach().clone().requires_grad_(True)
    w = inputs["weight"].detach().clone().requires_grad_(True) if inputs["weight"] is not None else None
    b = inputs["bias"].detach().clone().requires_grad_(True) if inputs["bias"] is not None else None
    y = solution.LayerNormFunction.apply(x, w, b, inputs["eps"])
    y.backward(inputs["grad_output"])
    return {
        "y": y.detach(),
        "grad_x": x.grad,
        "grad_weight": w.grad if w is not None else None,
        "grad_bias": b.grad if b is not None else None,
    }
