import torch.nn as nn


def configure_finetuning(model: nn.ModuleDict, num_unfrozen: int, head_lr: float, backbone_lr: float,
                         weight_decay: float) -> list[dict]:
    blocks = model["backbone"]
    first_trainable = len(blocks) - num_unfrozen
    # Set every flag explicitly: the model may arrive partly or fully frozen.
    model["embed"].requires_grad_(False)
    for i, block in enumerate(blocks):
        block.requires_grad_(i >= first_trainable)
    model["head"].requires_grad_(True)

    def no_decay(module: nn.Module, name: str) -> bool:
        return name == "bias"

    buckets: dict[tuple[str, bool], list] = {(part, nd): [] for part in ("head", "backbone") for nd in (False, True)}
    for part in ("head", "backbone"):
        for module in model[part].modules():
            for name, param in module.named_parameters(recurse=False):
                if param.requires_grad:
                    buckets[(part, no_decay(module, name))].append(param)
    # modules() visits in registration order, which is also named_parameters() order here.
    lrs = {"head": head_lr, "backbone": backbone_lr}
    groups = []
    for part in ("head", "backbone"):
        for nd in (False, True):
            params = buckets[(part, nd)]
            if params:
                groups.append({"params": params, "lr": lrs[part], "weight_decay": 0.0 if nd else weight_decay})
    return groups
