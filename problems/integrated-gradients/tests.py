import math

import torch
from torch import nn


def _uniform(generator: torch.Generator, *shape: int, bound: float) -> torch.Tensor:
    return (torch.rand(*shape, generator=generator, dtype=torch.float64) * 2 - 1) * bound


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    arch = params.get("arch", "mlp")
    batch, classes = params["batch"], params.get("classes", 5)
    if arch == "mlp":
        d, h = params["features"], params["hidden"]
        weights = {
            "0.weight": _uniform(generator, h, d, bound=params.get("gain", 1.0) * math.sqrt(3.0 / d)),
            "0.bias": _uniform(generator, h, bound=0.5),
            "2.weight": _uniform(generator, classes, h, bound=math.sqrt(3.0 / h)),
            "2.bias": _uniform(generator, classes, bound=0.5),
        }
        shape = [batch, d]
    else:
        c, size, channels = params.get("in_channels", 1), params["size"], params["channels"]
        hs, ws = size
        weights = {
            "0.weight": _uniform(generator, channels, c, 3, 3, bound=math.sqrt(3.0 / (9 * c))),
            "0.bias": _uniform(generator, channels, bound=0.2),
            "3.weight": _uniform(generator, classes, channels * hs * ws, bound=math.sqrt(3.0 / (channels * hs * ws))),
            "3.bias": _uniform(generator, classes, bound=0.2),
        }
        shape = [batch, c, hs, ws]
    x = torch.randn(*shape, generator=generator, dtype=torch.float64) * params.get("scale", 1.0)
    baseline_kind = params.get("baseline", "zeros")
    if baseline_kind == "zeros":
        baseline = torch.zeros_like(x)
    else:
        baseline = torch.randn(*shape, generator=generator, dtype=torch.float64) * 0.5
    if params.get("same_row"):
        baseline[0] = x[0]  # x == baseline: every attribution of that row must be 0
    target = torch.randint(0, classes, (batch,), generator=generator)
    x = x.to(dtype)
    if params.get("transpose") and arch == "mlp":
        x = x.T.contiguous().T  # same values, column-major storage
    return {
        "arch": arch,
        "weights": {k: v.to(dtype) for k, v in weights.items()},
        "x": x,
        "baseline": baseline.to(dtype),
        "target": target,
        "steps": params["steps"],
    }


def build_model(arch: str, weights: dict) -> nn.Module:
    if arch == "mlp":
        h, d = weights["0.weight"].shape
        c = weights["2.weight"].shape[0]
        model = nn.Sequential(nn.Linear(d, h), nn.Tanh(), nn.Linear(h, c))
    else:
        channels, cin = weights["0.weight"].shape[:2]
        c, flat = weights["3.weight"].shape
        model = nn.Sequential(nn.Conv2d(cin, channels, 3, padding=1), nn.Softplus(), nn.Flatten(), nn.Linear(flat, c))
    model = model.to(device=weights["0.weight"].device, dtype=weights["0.weight"].dtype)
    model.load_state_dict(weights, strict=True)
    model.eval()
    return model


def run(solution, inputs: dict) -> torch.Tensor:
    model = build_model(inputs["arch"], inputs["weights"])
    out = solution.integrated_gradients(
        model, inputs["x"], inputs["baseline"], inputs["target"], inputs["steps"]
    )
    return out.detach() if isinstance(out, torch.Tensor) else out
