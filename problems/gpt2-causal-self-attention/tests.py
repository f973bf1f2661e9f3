import math

import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, t, d = params["batch"], params["length"], params["embed"]

    def normal(*shape: int, std: float) -> torch.Tensor:
        return (torch.randn(*shape, generator=generator, dtype=torch.float64) * std).to(dtype)

    # Larger than GPT-2's 0.02 init, so that attention is far from uniform and every mistake shows.
    state = {
        "c_attn.weight": normal(d, 3 * d, std=1 / math.sqrt(d)),
        "c_attn.bias": normal(3 * d, std=0.1),
        "c_proj.weight": normal(d, d, std=1 / math.sqrt(d)),
        "c_proj.bias": normal(d, std=0.1),
    }
    x = normal(b, t, d, std=params.get("scale", 1.0))
    mask = None
    if not params.get("no_mask"):
        mask = torch.ones(b, t, dtype=torch.long)
        for row, n in enumerate(params.get("pad", [])):
            if n:
                if params.get("side", "left") == "left":
                    mask[row, :n] = 0
                else:
                    mask[row, t - n:] = 0
    return {"x": x, "attention_mask": mask, "n_head": params["heads"], "state": state}


def run(solution, inputs: dict) -> torch.Tensor:
    from transformers import GPT2Config

    x, mask = inputs["x"], inputs["attention_mask"]
    config = GPT2Config(n_embd=x.shape[-1], n_head=inputs["n_head"], n_positions=max(x.shape[1], 8),
                        attn_pdrop=0.0, resid_pdrop=0.0, embd_pdrop=0.0)
    model = solution.GPT2SelfAttention(config).to(device=x.device, dtype=x.dtype)
    model.load_state_dict(inputs["state"], strict=True)
    model.eval()
    with torch.no_grad():
        out = model(x, attention_mask=mask)
    if mask is not None:
        # Outputs at padded positions are never used: any value there, NaN included, is accepted.
        out = torch.where(mask.bool()[..., None], out, torch.zeros_like(out))
    return out
