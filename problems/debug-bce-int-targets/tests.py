import torch
from torch import nn


class Tagger(nn.Module):
    def __init__(self, d_in: int, hidden: int, tags: int) -> None:
        super().__init__()
        self.fc1 = nn.Linear(d_in, hidden)
        self.fc2 = nn.Linear(hidden, tags)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(torch.relu(self.fc1(x)))


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    n, d, h, t = params["n"], params["d_in"], params["hidden"], params["tags"]

    def randn(*shape, scale=1.0):
        return (torch.randn(*shape, generator=generator, dtype=torch.float64) * scale).to(dtype)

    x = randn(n, d)
    teacher = torch.randn(d, t, generator=generator, dtype=torch.float64)
    labels = (x.double() @ teacher > params.get("threshold", 0.5)).long()  # several tags per row, or none
    state = {"fc1.weight": randn(h, d, scale=d**-0.5), "fc1.bias": randn(h, scale=0.1),
             "fc2.weight": randn(t, h, scale=h**-0.5), "fc2.bias": randn(t, scale=0.1)}
    return {"x": x, "labels": labels, "state": state, "dims": [d, h, t], "steps": int(params["steps"]),
            "lr": float(params["lr"])}


def run(solution, inputs: dict):
    x = inputs["x"]
    model = Tagger(*inputs["dims"]).to(device=x.device, dtype=x.dtype)
    model.load_state_dict(inputs["state"])
    result = solution.train_multilabel(model, x, inputs["labels"].clone(), inputs["steps"], inputs["lr"])
    # Compared at the model dtype's tolerance: the losses are computed in that dtype.
    losses = torch.as_tensor(result["losses"], dtype=torch.float64, device=x.device).to(x.dtype)
    return {"losses": losses, "predictions": result["predictions"],
            "fc2_weight": model.fc2.weight.detach().clone()}
