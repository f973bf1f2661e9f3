import torch
import torch.nn.functional as F

NAMES = ("w1", "b1", "w2", "b2")


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    n, d, h, c = params["n"], params["d"], params["h"], params["c"]

    def randn(*shape, scale=1.0):
        return torch.randn(*shape, generator=generator, dtype=torch.float64) * scale

    x = randn(n, d)
    w1 = randn(h, d, scale=params.get("w1_scale", 1.0) * d**-0.5)
    w2 = randn(c, h, scale=params.get("w2_scale", 1.0) * h**-0.5)
    if params.get("transpose"):  # same values, non-contiguous layout
        x, w1, w2 = x.T.contiguous().T, w1.T.contiguous().T, w2.T.contiguous().T
    targets = torch.randint(0, c, (n,), generator=generator)
    if params.get("same_target"):
        targets[:] = targets[0]
    return {
        "x": x.to(dtype), "targets": targets, "w1": w1.to(dtype), "b1": randn(h, scale=0.1).to(dtype),
        "w2": w2.to(dtype), "b2": randn(c, scale=0.1).to(dtype),
    }


def run(solution, inputs: dict):
    # Inference mode: autograd is unavailable, so the gradients must be computed by hand.
    with torch.inference_mode():
        args = {k: v.clone() for k, v in inputs.items()}  # clone keeps a transposed layout
        return solution.mlp_loss_and_grads(**args)


def _loss(inputs: dict, **override) -> float:
    p = {**inputs, **override}
    z1 = p["x"] @ p["w1"].T + p["b1"]
    return float(F.cross_entropy(torch.tanh(z1) @ p["w2"].T + p["b2"], p["targets"]))


def check(got, expected, inputs: dict, params: dict):
    """The default comparison with the reference, then, in float64, central finite differences."""
    from graders.sandbox.checker import Mismatch, compare, tolerances

    try:
        compare(got, expected, tolerances(None))
    except Mismatch as exc:
        return str(exc)
    if inputs["x"].dtype != torch.float64:
        return None
    gen = torch.Generator().manual_seed(0)
    eps = 1e-6
    for name in NAMES:
        param = inputs[name]
        for _ in range(3):  # three random coordinates of each parameter
            idx = int(torch.randint(0, param.numel(), (1,), generator=gen))
            plus, minus = param.clone().reshape(-1), param.clone().reshape(-1)
            plus[idx] += eps
            minus[idx] -= eps
            up = _loss(inputs, **{name: plus.view_as(param)})
            down = _loss(inputs, **{name: minus.view_as(param)})
            numeric = (up - down) / (2 * eps)
            analytic = float(got[name].reshape(-1)[idx])
            if abs(numeric - analytic) > 1e-6 + 1e-4 * abs(numeric):
                return f"output[{name!r}]: finite-difference check failed at flat index {idx}"
    return None
