import torch
from torch import nn


class Classifier(nn.Module):
    def __init__(self, d_in: int, hidden: int, classes: int, p: float) -> None:
        super().__init__()
        self.fc1 = nn.Linear(d_in, hidden)
        self.bn = nn.BatchNorm1d(hidden)
        self.drop = nn.Dropout(p)
        self.fc2 = nn.Linear(hidden, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(self.drop(torch.relu(self.bn(self.fc1(x)))))


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    d_in, hidden, classes = params["d_in"], params["hidden"], params["classes"]

    def randn(*shape, scale=1.0):
        return (torch.randn(*shape, generator=generator, dtype=torch.float64) * scale).to(dtype)

    state = {
        "fc1.weight": randn(hidden, d_in, scale=d_in**-0.5),
        "fc1.bias": randn(hidden, scale=0.1),
        "bn.weight": 1.0 + randn(hidden, scale=0.2),
        "bn.bias": randn(hidden, scale=0.2),
        "bn.running_mean": randn(hidden, scale=0.5),
        "bn.running_var": (0.5 + torch.rand(hidden, generator=generator, dtype=torch.float64)).to(dtype),
        "bn.num_batches_tracked": torch.tensor(100),
        "fc2.weight": randn(classes, hidden, scale=2.0 * hidden**-0.5),
        "fc2.bias": randn(classes, scale=0.1),
    }
    return {
        "x": randn(params["n"], d_in),
        "state": state,
        "config": {"d_in": d_in, "hidden": hidden, "classes": classes, "p": float(params["p"])},
        "batch_size": int(params["batch_size"]),
        "start_training": bool(params.get("start_training", True)),
    }


def run(solution, inputs):
    cfg = inputs["config"]
    x = inputs["x"]
    model = Classifier(cfg["d_in"], cfg["hidden"], cfg["classes"], cfg["p"]).to(device=x.device, dtype=x.dtype)
    model.load_state_dict(inputs["state"])
    model.train(inputs["start_training"])
    torch.manual_seed(1234)  # makes a (wrong) dropout mask reproducible
    probs = solution.evaluate(model, x, inputs["batch_size"])
    return {
        "probs": probs.detach(),
        "requires_grad": bool(probs.requires_grad),
        "training_after": bool(model.training),
        "running_mean": model.bn.running_mean.detach().clone(),
    }
