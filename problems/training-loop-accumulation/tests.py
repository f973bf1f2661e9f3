import io

import torch
from torch import nn


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    d, hidden, classes = params["d_in"], params["hidden"], params["classes"]
    sizes = params["sizes"]
    batches = []
    for n in sizes:
        x = torch.randn(n, d, generator=generator, dtype=torch.float64)
        y = torch.randint(0, classes, (n,), generator=generator)
        batches.append([x, y])
    state = {
        "0.weight": torch.randn(hidden, d, generator=generator, dtype=torch.float64) / d ** 0.5,
        "0.bias": torch.zeros(hidden, dtype=torch.float64),
        "2.weight": torch.randn(classes, hidden, generator=generator, dtype=torch.float64) / hidden ** 0.5,
        "2.bias": torch.zeros(classes, dtype=torch.float64),
    }
    return {
        "state": state, "batches": batches, "accum_steps": params["accum"], "max_norm": float(params["max_norm"]),
        "lr": float(params.get("lr", 0.01)), "warmup_steps": params["warmup"], "resume_after": params["resume_after"],
    }


def build(inputs: dict, perturb: bool = False) -> nn.Module:
    state = inputs["state"]
    d, hidden, classes = state["0.weight"].shape[1], state["0.weight"].shape[0], state["2.weight"].shape[0]
    model = nn.Sequential(nn.Linear(d, hidden), nn.Tanh(), nn.Linear(hidden, classes)).to(torch.float64)
    model.load_state_dict(state)
    if perturb:  # a fresh process would start from another init: resuming must overwrite it
        with torch.no_grad():
            for p in model.parameters():
                p.add_(1.0)
    return model.to(state["0.weight"].device)


def run(solution, inputs: dict) -> dict:
    batches = [tuple(b) for b in inputs["batches"]]
    args = {k: inputs[k] for k in ("accum_steps", "max_norm", "lr", "warmup_steps")}
    straight = build(inputs)
    done = solution.train(straight, batches, **args)
    # The same run, interrupted: train, save to bytes, load in a new model, finish.
    split = inputs["resume_after"] * inputs["accum_steps"]
    first = build(inputs)
    checkpoint = solution.train(first, batches[:split], **args)
    buffer = io.BytesIO()
    torch.save(checkpoint, buffer)
    buffer.seek(0)
    checkpoint = torch.load(buffer, weights_only=True)
    second = build(inputs, perturb=True)
    resumed = solution.train(second, batches[split:], **args, checkpoint=checkpoint)
    return {
        "straight": {k: v.detach() for k, v in straight.state_dict().items()},
        "resumed": {k: v.detach() for k, v in second.state_dict().items()},
        "steps": [int(done["step"]), int(checkpoint["step"]), int(resumed["step"])],
    }
