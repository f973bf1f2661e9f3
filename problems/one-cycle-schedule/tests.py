import torch

DEFAULTS = {"pct_start": 0.3, "div_factor": 25.0, "final_div_factor": 1.0e4, "base_momentum": 0.85,
            "max_momentum": 0.95}


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    # The schedule is deterministic: the inputs are the parameters themselves.
    inputs = {"max_lr": float(params["max_lr"]), "total_steps": int(params["total_steps"])}
    for key, default in DEFAULTS.items():
        inputs[key] = float(params.get(key, default))
    return inputs
