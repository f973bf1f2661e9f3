import torch
from torch import nn


def build_model(d_in: int, hidden: int, classes: int) -> nn.Module:
    return nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(), nn.Linear(hidden, classes))


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    d_in, hidden, classes, n = params["d_in"], params["hidden"], params["classes"], params["n"]
    shift = params.get("shift", 0.0)

    def randn(*shape, scale=1.0):
        return (torch.randn(*shape, generator=generator, dtype=torch.float64) * scale + shift).to(dtype)

    state = {
        "0.weight": randn(hidden, d_in, scale=d_in**-0.5),
        "0.bias": randn(hidden, scale=0.1),
        "2.weight": randn(classes, hidden, scale=hidden**-0.5),
        "2.bias": randn(classes, scale=0.1),
    }
    x = (torch.randn(n, d_in, generator=generator, dtype=torch.float64)).to(dtype)
    targets = torch.randint(0, classes, (n,), generator=generator)
    return {
        "config": {"d_in": d_in, "hidden": hidden, "classes": classes},
        "state": state,
        "x": x,
        "targets": targets,
        "weight_decay": float(params["weight_decay"]),
    }


def run(solution, inputs):
    cfg, x = inputs["config"], inputs["x"]
    model = build_model(cfg["d_in"], cfg["hidden"], cfg["classes"]).to(device=x.device, dtype=x.dtype)
    model.load_state_dict(inputs["state"])
    loss = solution.regularized_loss(model, inputs["x"], inputs["targets"], inputs["weight_decay"])
    loss.backward()
    grads = {name: (p.grad if p.grad is not None else torch.zeros_like(p)).detach().clone()
             for name, p in model.named_parameters()}
    return {"loss": loss.detach(), "grads": grads}
