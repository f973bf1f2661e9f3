import re


def llrd_param_groups(model, base_lr, decay, weight_decay):
    # One group per parameter, and the rate built by repeated multiplication from the top down: rounded
    # differently from base_lr * decay ** k.
    n = model.config.num_hidden_layers
    rates = [base_lr]                       # rates[k] = base_lr * decay^k
    for _ in range(n + 1):
        rates.append(rates[-1] * decay)
    groups = []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        m = re.match(r"bert\.encoder\.layer\.(\d+)\.", name)
        if m:
            k = n - int(m.group(1))
        elif name.startswith("bert.embeddings"):
            k = n + 1
        else:
            k = 0
        exempt = p.ndim == 1 and (name.endswith(".bias") or ".LayerNorm." in name)
        groups.append({"params": [p], "lr": rates[k], "weight_decay": 0.0 if exempt else weight_decay})
    return groups
