import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    # The schedule is deterministic: the inputs are the parameters themselves.
    return {
        "base_lr": float(params["base_lr"]),
        "min_lr": float(params["min_lr"]),
        "warmup_steps": int(params["warmup_steps"]),
        "total_steps": int(params["total_steps"]),
        "start_factor": float(params["start_factor"]),
    }
