def ema_weights(snapshots, buffer_names, decay):
    """The torch-ema form, shadow -= (1 - d) * (shadow - param), done in place on private copies."""
    shadow = {name: value.detach().clone() for name, value in snapshots[0].items()}
    updates = 0
    for state in snapshots[1:]:
        updates += 1
        one_minus_d = 1.0 - min(decay, (1.0 + updates) / (10.0 + updates))
        for name, value in state.items():
            if name in buffer_names:
                shadow[name].copy_(value)
            else:
                shadow[name].sub_(one_minus_d * (shadow[name] - value))
    return shadow
