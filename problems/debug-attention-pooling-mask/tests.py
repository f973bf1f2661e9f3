import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, length, h = params["batch"], params["length"], params["hidden"]
    x = torch.randn(b, length, h, generator=generator, dtype=torch.float64)
    lengths = params.get("lengths") or torch.randint(1, length + 1, (b,), generator=generator).tolist()
    mask = torch.arange(length)[None, :] < torch.tensor(lengths)[:, None]
    x[~mask] += params.get("pad_value", 0.0)  # what sits in padded positions (garbage, or a pad embedding)
    weight = torch.randn(1, h, generator=generator, dtype=torch.float64) * params.get("score_scale", 1.0)
    state = {"score.weight": weight.to(dtype),
             "score.bias": torch.randn(1, generator=generator, dtype=torch.float64).to(dtype)}
    return {"x": x.to(dtype), "mask": mask, "state": state, "hidden": h}


def run(solution, inputs: dict):
    x = inputs["x"]
    model = solution.AttentionPooling(inputs["hidden"]).to(device=x.device, dtype=x.dtype)
    model.load_state_dict(inputs["state"])
    with torch.no_grad():
        return model(x, inputs["mask"])
