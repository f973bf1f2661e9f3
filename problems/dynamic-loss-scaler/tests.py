import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    steps, batch, d_in, d_out = params["steps"], params["batch"], params["d_in"], params["d_out"]
    xs = torch.randn(steps, batch, d_in, generator=generator)
    ys = torch.randn(steps, batch, d_out, generator=generator) * params.get("y_scale", 2.0)
    for i, step in enumerate(params.get("poison", [])):
        xs[step, 0, 0] = float("nan") if i % 2 else float("inf")  # a corrupt batch: non-finite gradients
    return {
        "xs": xs,
        "ys": ys,
        "weight": torch.randn(d_out, d_in, generator=generator) * 0.3,
        "bias": torch.zeros(d_out),
        "lr": float(params.get("lr", 0.05)),
        "clip": params.get("clip"),
        "init_scale": float(params["init_scale"]),
        "growth_factor": float(params.get("growth_factor", 2.0)),
        "backoff_factor": float(params.get("backoff_factor", 0.5)),
        "growth_interval": int(params["growth_interval"]),
    }


def run(solution, inputs: dict) -> dict:
    weight = inputs["weight"].clone().requires_grad_(True)
    bias = inputs["bias"].clone().requires_grad_(True)
    unused = torch.zeros(3, device=weight.device, requires_grad=True)  # never in the loss: its .grad stays None
    optimizer = torch.optim.SGD([{"params": [weight, bias]}, {"params": [unused]}], lr=inputs["lr"], momentum=0.9)
    scaler = solution.DynamicLossScaler(
        init_scale=inputs["init_scale"], growth_factor=inputs["growth_factor"],
        backoff_factor=inputs["backoff_factor"], growth_interval=inputs["growth_interval"],
    )
    scales, stepped = [], []
    for x, y in zip(inputs["xs"], inputs["ys"]):
        optimizer.zero_grad(set_to_none=True)
        loss = ((x @ weight.T + bias - y) ** 2).mean()
        scaler.scale(loss).backward()
        if inputs["clip"] is not None:
            scaler.unscale_(optimizer)  # clip the true gradients, not the scaled ones
            torch.nn.utils.clip_grad_norm_([weight, bias], inputs["clip"])
        stepped.append(bool(scaler.step(optimizer)))
        scaler.update()
        scales.append(float(scaler.get_scale()))
    return {"scales": scales, "stepped": stepped, "weight": weight.detach(), "bias": bias.detach()}
