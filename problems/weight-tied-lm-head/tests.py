import io

import torch
import torch.nn.functional as F


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    v, d, b, length = params["vocab"], params["d_model"], params["batch"], params["length"]
    return {
        "vocab_size": v, "d_model": d,
        "embed": (torch.randn(v, d, generator=generator, dtype=torch.float64) * 0.5).to(dtype),
        "proj_weight": (torch.randn(d, d, generator=generator, dtype=torch.float64) / d ** 0.5).to(dtype),
        "proj_bias": (torch.randn(d, generator=generator, dtype=torch.float64) * 0.1).to(dtype),
        "ids": torch.randint(0, params.get("used", v), (b, length), generator=generator),
        "targets": torch.randint(0, v, (b, length), generator=generator),
        "lr": 0.1,
    }


def run(solution, inputs: dict) -> dict:
    embed = inputs["embed"]
    model = solution.TiedLM(inputs["vocab_size"], inputs["d_model"]).to(device=embed.device, dtype=embed.dtype)
    result = {"parameter_count": sum(p.numel() for p in model.parameters())}
    with torch.no_grad():  # new values after construction: a copy made in __init__ would not see them
        model.embed.weight.copy_(embed)
        model.proj.weight.copy_(inputs["proj_weight"])
        model.proj.bias.copy_(inputs["proj_bias"])
    logits = model(inputs["ids"])
    loss = F.cross_entropy(logits.flatten(0, 1), inputs["targets"].flatten())
    loss.backward()
    result.update(logits=logits.detach(), embed_grad=model.embed.weight.grad.clone())
    with torch.no_grad():  # one SGD step on every parameter the model reports
        for p in model.parameters():
            if p.grad is not None:
                p -= inputs["lr"] * p.grad
    result["logits_after_step"] = model(inputs["ids"]).detach()
    # A round trip through a state dict into a fresh model must keep the tie and the values.
    buffer = io.BytesIO()
    torch.save(model.state_dict(), buffer)
    buffer.seek(0)
    fresh = solution.TiedLM(inputs["vocab_size"], inputs["d_model"]).to(device=embed.device, dtype=embed.dtype)
    fresh.load_state_dict(torch.load(buffer, weights_only=True))
    result["logits_reloaded"] = fresh(inputs["ids"]).detach()
    return result
