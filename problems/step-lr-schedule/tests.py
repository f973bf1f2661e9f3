import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    # The schedule is deterministic: the inputs are the parameters themselves.
    return {
        "base_lr": float(params["base_lr"]),
        "step_size": int(params["step_size"]),
        "gamma": float(params["gamma"]),
        "epochs": int(params["epochs"]),
    }
