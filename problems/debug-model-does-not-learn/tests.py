import torch
from torch import nn


def build_model(d_in: int, hidden: int) -> nn.Module:
    return nn.Sequential(nn.Linear(d_in, hidden), nn.Tanh(), nn.Linear(hidden, 1))


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    n, d_in, hidden = params["n"], params["d_in"], params["hidden"]

    def randn(*shape, scale=1.0):
        return torch.randn(*shape, generator=generator, dtype=torch.float64) * scale

    # Initial weights (PyTorch's default init scale), generated here so the run is reproducible.
    state = {
        "0.weight": randn(hidden, d_in, scale=d_in**-0.5),
        "0.bias": randn(hidden, scale=0.1),
        "2.weight": randn(1, hidden, scale=hidden**-0.5),
        "2.bias": randn(1, scale=0.1),
    }
    # A fixed synthetic regression task: a smooth function of a random projection plus a little noise.
    data = randn(n, d_in)
    w = randn(d_in, scale=d_in**-0.5)
    targets = torch.sin(2.0 * data @ w) + 0.5 * data[:, 0] + randn(n, scale=0.05)
    return {
        "state": {k: v.to(dtype) for k, v in state.items()},
        "data": data.to(dtype),
        "targets": targets.to(dtype),
        "steps": int(params["steps"]),
        "lr": float(params["lr"]),
    }


def run(solution, inputs):
    state = inputs["state"]
    d_in, hidden = state["0.weight"].shape[1], state["0.weight"].shape[0]
    model = build_model(d_in, hidden).to(device=state["0.weight"].device, dtype=state["0.weight"].dtype)
    model.load_state_dict(state)
    model.train()
    losses = solution.train(model, inputs["data"], inputs["targets"], inputs["steps"], inputs["lr"])
    return {
        "losses": [float(x) for x in losses],
        "params": {name: p.detach().clone() for name, p in model.named_parameters()},
    }
